/** Runs the CLI in-process, as a teacher would type it, and captures what it prints. */
import { run } from '../../src/cli/run.js';
import type { Io } from '../../src/terminal/io.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  args: string[],
  cwd: string,
  env: Record<string, string | undefined> = process.env,
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    cwd,
    env,
    isTTY: false,
    onInterrupt: () => () => undefined,
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}
