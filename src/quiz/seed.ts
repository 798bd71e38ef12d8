/**
 * Seeds are derived hierarchically (quiz → copy → section → question) by
 * hashing, so every decision has its own random stream: editing one part of
 * a quiz cannot shift the random numbers another part sees.
 */
import { createHash } from 'node:crypto';
import seedrandom from 'seedrandom';
import { compareStrings } from '../errors.js';

export function deriveSeed(parent: string, label: string): string {
  return createHash('sha256').update(`${parent}\u0000${label}`).digest('hex').slice(0, 24);
}

export type Random = () => number;

export function random(seed: string): Random {
  return seedrandom(seed);
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
  const bytes = createHash('sha256').update(seed).digest();
  return Array.from(bytes.subarray(0, 4), (b) => alphabet[b % alphabet.length]).join('');
}
