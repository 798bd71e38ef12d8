/**
 * Seeds are derived hierarchically (quiz → copy → section → question) by
 * hashing, so every decision has its own random stream: editing one part of
 * a quiz cannot shift the random numbers another part sees.
 */
import { hash } from 'node:crypto';
import seedrandom from 'seedrandom';
import { compareStrings } from '../errors.js';

export function deriveSeed(parent: string, label: string): string {
  // The one-shot hash: a 1,000-student class derives some 50,000 seeds.
  return hash('sha256', `${parent}\u0000${label}`, 'hex').slice(0, 24);
}

export type Random = () => number;

/**
 * The generator for `seed`: seedrandom's ARC4 stream, so that a seed gives
 * the same quiz on every machine and in every version. Setting one up (a
 * 256-byte key schedule, mixed into seedrandom's global pool) was most of the
 * cost of drawing a large class, one generator per question per copy; it is
 * set up on the first draw, and most questions (true or false, short answer,
 * essay...) never draw a number.
 */
export function random(seed: string | (() => string)): Random {
  let next: Random | undefined;
  return () => (next ??= seedrandom(typeof seed === 'string' ? seed : seed()))();
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
