/**
 * A class's roster as a quiz plan takes it: its students, and the name its
 * pack folder is given (the roster file's name, so `class-9b.csv` prints
 * into `class-9b/`).
 */
import path from 'node:path';
import type { Problem } from '../errors.js';
import type { Blueprint } from '../quiz/blueprint.js';
import type { Student } from '../quiz/copy.js';
import { readRoster } from '../quiz/roster.js';

export function rosterName(file: string): string {
  return path.basename(file).replace(/\.csv$/i, '');
}

export interface ClassRoster {
  name: string;
  students: Student[];
  /** Names no bundled font can print (warnings to show; the run goes on). */
  warnings: Problem[];
}

export async function readClassRoster(file: string): Promise<ClassRoster> {
  return { name: rosterName(file), ...(await readRoster(file)) };
}

/** The roster a blueprint names, if it names one. */
export async function blueprintRoster(blueprint: Blueprint): Promise<ClassRoster | undefined> {
  return blueprint.roster ? readClassRoster(blueprint.roster) : undefined;
}
