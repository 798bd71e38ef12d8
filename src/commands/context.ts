/** What every command file receives from the wiring in cli/run.ts. */
import type { Io } from '../terminal/io.js';

export interface CommandContext {
  io: Io;
  /** Records the command's exit code (the highest one wins). */
  setExit(code: number): void;
}
