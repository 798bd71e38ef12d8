#!/usr/bin/env node
// Thin by design: all behaviour lives in run(), which returns the exit code
// instead of exiting, so that cleanup in `finally` blocks always runs.
// `--version` alone is answered before loading the CLI: start-up time matters.
const args = process.argv.slice(2);
// `handout lint | head` closes the pipe early: the reader has what it wanted,
// so stop quietly instead of crashing with an unhandled EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}
// dist/bin.js is a bundle (scripts/bundle.mjs): with --debug, stack traces name src/*.ts lines.
// Enabled before the CLI's chunks load, since Node reads a module's source map as it loads it.
if (args.includes('--debug')) process.setSourceMapsEnabled(true);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { handoutVersion } = await import('./version.js');
  process.stdout.write(`${handoutVersion()}\n`);
} else {
  const { run } = await import('./cli/run.js');
  process.exitCode = await run(args);
}
