/**
 * Collecting garbage at points of our choosing, for long runs that make
 * garbage in large pieces. Printing a 1,000-copy pack passes some 200
 * documents through Node (each chunk's HTML, the PDF Chromium sends back
 * base64-encoded, the text views the joining takes of it): a few MB of
 * short-lived strings and buffers per chunk, mostly too large for V8's young
 * generation. V8 lets such garbage pile up until the old generation reaches
 * a limit it sets from the live heap, so Node's memory climbed from about
 * 140 MB to 280 MB over a long run (live data: about 40 MB) while a class
 * of 30 ended before the first full collection. Collecting whenever the
 * heap has grown by `thresholdBytes` since the last collection keeps Node
 * at the size of a short run, for one full collection (a few tens of ms)
 * every few chunks.
 *
 * Node offers `gc()` only with --expose-gc on its command line, which a CLI
 * started as `node dist/bin.js` (or through npm) cannot rely on; setting the
 * flag at run time and taking `gc` from a fresh context is the way
 * jest-leak-detector does it. If that ever stops working, collection is
 * simply left to V8, as before.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

let collect: (() => void) | null | undefined;

function collector(): (() => void) | null {
  if (collect === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      const gc: unknown = vm.runInNewContext('gc');
      collect = typeof gc === 'function' ? (gc as () => void) : null;
    } catch {
      collect = null;
    }
  }
  return collect;
}

/** Heap in use plus the memory of buffers outside it, in bytes. */
function heldBytes(): number {
  const { used_heap_size, external_memory } = v8.getHeapStatistics();
  return used_heap_size + external_memory;
}

export class GarbageCollector {
  readonly #thresholdBytes: number;
  /** What was held right after the last collection (or when this was made). */
  #baseline = heldBytes();
  #collections = 0;

  constructor(thresholdBytes: number) {
    this.#thresholdBytes = thresholdBytes;
  }

  /** Full collections run so far by this collector. */
  get collections(): number {
    return this.#collections;
  }

  /**
   * Collects if the heap (with buffers) has grown by the threshold since the
   * last collection; returns whether it did. Cheap when it does not.
   */
  collectIfGrown(): boolean {
    if (heldBytes() - this.#baseline < this.#thresholdBytes) return false;
    const gc = collector();
    if (!gc) return false;
    gc();
    this.#collections += 1;
    this.#baseline = heldBytes();
    return true;
  }
}
