/**
 * Seeds are derived hierarchically (quiz → copy → section → question) by
 * hashing, so every decision has its own random stream: editing one part of
 * a quiz cannot shift the random numbers another part sees.
 */
import { hash } from 'node:crypto';
import { compareStrings } from '../errors.js';

export function deriveSeed(parent: string, label: string): string {
  // The one-shot hash: a 1,000-student class derives some 50,000 seeds.
  return hash('sha256', `${parent}\u0000${label}`, 'hex').slice(0, 24);
}

export type Random = () => number;

/**
 * The generator for `seed`: exactly the numbers `seedrandom(seed)` gives
 * (ARC4, RC4-drop[256], 52-bit doubles), so every seed keeps its quiz.
 * seedrandom itself also mixes each generator's state into a global
 * entropy pool and builds its key through strings, which made setting up
 * a generator most of the cost of drawing a class (one per question per
 * copy). The generator is set up on its first call: most questions (true
 * or false, short answer, essay...) never draw a number.
 */
export function random(seed: string | (() => string)): Random {
  let next: Random | undefined;
  return () => (next ??= arc4Doubles(typeof seed === 'string' ? seed : seed()))();
}

/** seedrandom's key: the seed's character codes smeared into at most 256 bytes. */
function seedKey(seed: string): number[] {
  const key: number[] = [];
  let smear = 0;
  for (let j = 0; j < seed.length; j++) {
    const before = key[j & 255];
    if (before !== undefined) smear ^= before * 19;
    key[j & 255] = (smear + seed.charCodeAt(j)) & 255;
  }
  return key.length > 0 ? key : [0];
}

const CHUNKS = 2 ** 48; // six bytes
const SIGNIFICANCE = 2 ** 52;
const OVERFLOW = 2 ** 53;

function arc4Doubles(seed: string): Random {
  const key = seedKey(seed);
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) s[i] = i;
  for (let i = 0, j = 0; i < 256; i++) {
    const t = s[i]!;
    j = (j + key[i % key.length]! + t) & 255;
    s[i] = s[j]!;
    s[j] = t;
  }
  let i = 0;
  let j = 0;
  /** The next `count` bytes of the stream as one number, first byte highest. */
  const bytes = (count: number): number => {
    let r = 0;
    while (count--) {
      i = (i + 1) & 255;
      const t = s[i]!;
      j = (j + t) & 255;
      s[i] = s[j]!;
      s[j] = t;
      r = r * 256 + s[(s[i]! + t) & 255]!;
    }
    return r;
  };
  bytes(256); // RC4-drop[256]: the first bytes of the stream are the weakest.
  return () => {
    let n = bytes(6);
    let d = CHUNKS;
    let x = 0;
    while (n < SIGNIFICANCE) {
      n = (n + x) * 256;
      d *= 256;
      x = bytes(1);
    }
    while (n >= OVERFLOW) {
      n /= 2;
      d /= 2;
      x >>>= 1;
    }
    return (n + x) / d;
  };
}

/** Fisher-Yates on a copy; an array of 0 or 1 items consumes no randomness. */
export function shuffle<T>(items: readonly T[], rng: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Orders items by a hash of (seed, key). Each item's rank depends only on
 * its own key, so adding or removing one item never reorders the others.
 */
export function rankByHash<T>(items: readonly T[], seed: string, key: (item: T) => string): T[] {
  const ranked = items.map((item) => ({ item, rank: deriveSeed(seed, key(item)) }));
  ranked.sort((a, b) => compareStrings(a.rank, b.rank));
  return ranked.map((r) => r.item);
}

/** A short code for a personal copy, e.g. "K7QF": easy to copy onto a response sheet. */
export function copyCode(seed: string): string {
  const alphabet = 'ACDEFGHJKLMNPQRTUVWXY34679';
  const bytes = hash('sha256', seed, 'buffer');
  return Array.from(bytes.subarray(0, 4), (b) => alphabet[b % alphabet.length]).join('');
}
