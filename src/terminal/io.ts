/** What a command may touch of the outside world; tests pass their own. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** True when stderr is a terminal: progress bars and colour only then. */
  isTTY: boolean;
  /** Called with a cleanup function to run on Ctrl-C; returns an unregister function. */
  onInterrupt(cleanup: () => Promise<void>): () => void;
}

export function processIo(): Io {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
    onInterrupt(cleanup) {
      const handler = (): void => {
        void cleanup().finally(() => process.exit(130));
      };
      process.once('SIGINT', handler);
      process.once('SIGTERM', handler);
      return () => {
        process.off('SIGINT', handler);
        process.off('SIGTERM', handler);
      };
    },
  };
}
