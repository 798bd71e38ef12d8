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
  const cleanups = new Set<() => Promise<void>>();
  let interrupted = false;
  // One handler runs every cleanup and exits once all have ended: with one
  // handler each, the first to end (the writer's staging folder) exited
  // while the browser was still closing, and its profile was left behind.
  // A second Ctrl-C exits at once.
  const handler = (): void => {
    if (interrupted) process.exit(130);
    interrupted = true;
    void Promise.allSettled([...cleanups].map((cleanup) => cleanup())).finally(() =>
      process.exit(130),
    );
  };
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
    onInterrupt(cleanup) {
      cleanups.add(cleanup);
      if (cleanups.size === 1) {
        process.on('SIGINT', handler);
        process.on('SIGTERM', handler);
      }
      return () => {
        // Once interrupted, the handler stays: a second Ctrl-C still exits with 130.
        if (!cleanups.delete(cleanup) || cleanups.size > 0 || interrupted) return;
        process.off('SIGINT', handler);
        process.off('SIGTERM', handler);
      };
    },
  };
}
