/** Runs the CLI in-process, as a teacher would type it, and captures what it prints. */
import { run } from '../../src/cli/run.js';
import type { Io } from '../../src/terminal/io.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The one in-memory Io of the tests: output kept in order, no terminal, Ctrl-C never comes. */
export interface MemoryIo extends Io {
  out: string[];
  err: string[];
}

export function memoryIo(
  cwd: string,
  env: Record<string, string | undefined> = { ...process.env },
): MemoryIo {
  const io: MemoryIo = {
    out: [],
    err: [],
    stdout: (text) => void io.out.push(text),
    stderr: (text) => void io.err.push(text),
    cwd,
    env,
    isTTY: false,
    onInterrupt: () => () => undefined,
  };
  return io;
}

export async function runCli(
  args: string[],
  cwd: string,
  env: Record<string, string | undefined> = process.env,
): Promise<CliResult> {
  const io = memoryIo(cwd, env);
  const code = await run(args, io);
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
}
