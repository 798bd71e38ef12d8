#!/usr/bin/env node
// Thin by design: all behaviour lives in run(), which returns the exit code
// instead of exiting, so that cleanup in `finally` blocks always runs.
import { run } from './cli/run.js';

process.exitCode = await run(process.argv.slice(2));
