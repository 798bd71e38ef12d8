import type { Io } from './io.js';

export interface CommandContext {
  io: Io;
  /** Records the command's exit code (the highest one wins). */
  setExit(code: number): void;
}

/** `--project DIR` is accepted by every command that reads a project. */
export const PROJECT_OPTION = [
  '--project <dir>',
  'the teaching project to use (default: the current folder)',
] as const;
