/**
 * Pages read on every core: one worker thread per core runs
 * src/scan/read-page.ts, pages are handed out in order and their outcomes
 * come back in the same order, so the output never depends on which
 * thread was faster. Reading a page is self-contained (bytes and layouts
 * in, outcome out), which is what makes this safe. From the TypeScript
 * sources (the tests) there is no compiled worker to start, and on a
 * one-core machine a thread gains nothing: pages are then read on the main
 * thread, by the same function.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { readScanPage, type PageJob, type PageOutcome, type ReadContext } from './read-page.js';

/** What the main thread sends a worker, and what comes back. */
export interface WorkerJob {
  id: number;
  job: PageJob;
}
export type WorkerReply = { id: number; outcome: PageOutcome } | { id: number; error: string };

/**
 * The worker's script: the bundle's own entry (dist/scan-worker.js, from
 * the bundled chunk this code is in, or from beside dist/bin.js), else
 * tsc's module beside this one. From src/ there is none.
 */
const WORKER = ['../scan-worker.js', './scan-worker.js', './page-worker.js']
  .map((name) => fileURLToPath(new URL(name, import.meta.url)))
  .find((file) => existsSync(file));
/** Pages waiting in each worker: one being read, one ready to start. */
const QUEUED_PER_WORKER = 2;

export interface PageReaders {
  /** Pages that may be in flight at once (the caller reads ahead this far). */
  readonly ahead: number;
  read(job: PageJob): Promise<PageOutcome>;
  close(): Promise<void>;
}

export function startReaders(context: ReadContext, threads = availableParallelism()): PageReaders {
  if (threads < 2 || !WORKER)
    return { ahead: 2, read: (job) => readScanPage(job, context), close: async () => undefined };
  const workers = Array.from(
    { length: Math.min(threads, 8) },
    () => new Worker(WORKER, { workerData: context }),
  );
  const waiting = new Map<
    number,
    { resolve: (o: PageOutcome) => void; reject: (e: Error) => void }
  >();
  const load = new Map<Worker, number>(workers.map((w) => [w, 0]));
  let next = 0;
  let failure: Error | undefined;
  for (const worker of workers) {
    worker.on('message', (reply: WorkerReply) => {
      load.set(worker, load.get(worker)! - 1);
      const pending = waiting.get(reply.id);
      waiting.delete(reply.id);
      if ('error' in reply) pending?.reject(new Error(reply.error));
      else pending?.resolve(reply.outcome);
    });
    worker.on('error', (error) => {
      failure = error;
      for (const pending of waiting.values()) pending.reject(error);
      waiting.clear();
    });
  }
  return {
    ahead: workers.length * QUEUED_PER_WORKER,
    read(job) {
      const id = next++;
      // The least busy worker; ties go to the first, so the hand-out is the same every run.
      const worker = workers.reduce((best, w) => (load.get(w)! < load.get(best)! ? w : best));
      load.set(worker, load.get(worker)! + 1);
      return new Promise<PageOutcome>((resolve, reject) => {
        if (failure) return reject(failure);
        waiting.set(id, { resolve, reject });
        // The page's bytes move to the worker (no copy left behind) when they own their memory.
        const { buffer, byteOffset, byteLength } = job.data;
        const own = byteOffset === 0 && byteLength === buffer.byteLength;
        worker.postMessage(
          { id, job } satisfies WorkerJob,
          own && buffer instanceof ArrayBuffer ? [buffer] : [],
        );
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
