/**
 * What the writer records of each file it stages, for the manifest and the
 * build summary: where it goes and its SHA-256, by which a teacher (or a
 * test) tells whether two runs made the same thing.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export interface WrittenFile {
  /** Path relative to the output folder, with forward slashes. */
  path: string;
  bytes: number;
  sha256: string;
}

/** The record of `data` staged at `relative`. */
export function writtenFile(relative: string, data: Uint8Array): WrittenFile {
  return { path: relative, bytes: data.length, sha256: sha256(data) };
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** SHA-256 of a file, read in pieces (a class pack may be hundreds of MB). */
export async function fileSha256(file: string): Promise<string | undefined> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  } catch {
    return undefined;
  }
  return hash.digest('hex');
}
