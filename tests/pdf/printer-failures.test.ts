/**
 * What happens when printing goes wrong: a job that cannot load, a browser
 * that dies mid-run, Ctrl-C, and a browser that cannot start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, constants, existsSync, openSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HandoutError } from '../../src/errors.js';
import { findChromium } from '../../src/pdf/chromium.js';
import { PrintFailedError, type PrintJob } from '../../src/pdf/print-jobs.js';
import { withPrinter } from '../../src/pdf/printer.js';
import { TWO_PAGES, job } from './documents.js';
import { readPdfText } from './pdf-reading.js';

let folder: string;
let realChromium: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'handout-print-failures-'));
  realChromium = (await findChromium({ env: process.env })).executablePath;
});
afterAll(() => rm(folder, { recursive: true, force: true }));

/**
 * A browser "executable" that records its process id and arguments, then
 * becomes the real Chromium (exec keeps the id), so a test can kill it.
 */
async function recordingChromium(
  name: string,
): Promise<{ path: string; pids(): Promise<number[]>; args(): Promise<string[]> }> {
  const script = path.join(folder, `${name}.sh`);
  const pids = path.join(folder, `${name}.pids`);
  const args = path.join(folder, `${name}.args`);
  await writeFile(
    script,
    `#!/bin/sh\necho $$ >> '${pids}'\nprintf '%s\\n' "$@" > '${args}'\nexec '${realChromium}' "$@"\n`,
  );
  chmodSync(script, 0o755);
  return {
    path: script,
    pids: async () => (await readFile(pids, 'utf8')).trim().split('\n').map(Number),
    args: async () => (await readFile(args, 'utf8')).trim().split('\n'),
  };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(condition: () => boolean, ms = 10_000): Promise<void> {
  for (const start = performance.now(); !condition();) {
    if (performance.now() - start > ms) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const jobs = (names: string[]): PrintJob[] =>
  names.map((name) => job(name, { body: `<p>Job ${name}</p>` }));

describe.skipIf(process.platform === 'win32')('a job that cannot be printed', () => {
  it('is reported by name after two tries while the other jobs are printed', async () => {
    // Reading a FIFO nobody writes to never finishes, so the page never loads.
    const fifo = path.join(folder, 'never.fifo');
    execFileSync('mkfifo', [fifo]);
    const hanging = job('hanging-quiz', {
      body: `<p>Never</p><img src="${pathToFileURL(fifo).href}">`,
    });
    const progress: string[] = [];
    try {
      const error = await withPrinter(
        {
          env: process.env,
          // Only loading is cut short: the browser's start, its tabs and printing keep the usual
          // limit, since on a busy machine they take longer than 1.5 s without being stuck.
          loadTimeoutMs: 1500,
          onProgress: (done, total, name) => progress.push(name),
        },
        (printer) => printer.printAll([...jobs(['first']), hanging, ...jobs(['last'])]),
      ).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(PrintFailedError);
      const failed = error as PrintFailedError;
      expect(failed.code).toBe('print-failed');
      expect(failed.message).toMatch(
        /^Could not print 1 of 3 PDFs:\n {2}hanging-quiz: loading the page failed: .*1500 ms.*\(tried 2 times\)$/,
      );
      expect(failed.failures.map((failure) => failure.name)).toEqual(['hanging-quiz']);
      expect(failed.printed.map((printed) => printed.name)).toEqual(['first', 'last']);
      expect((await readPdfText(failed.printed[1]!.pdf)).pages[0]).toContain('Job last');
      expect(progress.sort()).toEqual(['first', 'hanging-quiz', 'last']);
    } finally {
      unblock(fifo);
    }
  });
});

/** Lets any reader still waiting on the FIFO go (opening it for writing, then closing it). */
function unblock(fifo: string): void {
  try {
    closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
  } catch {
    // ENXIO: no reader left, which is the normal case once the browser has closed.
  }
}

describe.skipIf(process.platform === 'win32')('a browser that dies mid-run', () => {
  it('is started again and the jobs still print', async () => {
    const chromium = await recordingChromium('crashing');
    let killed = false;
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const { printed, launches } = await withPrinter(
      {
        executablePath: chromium.path,
        env: {},
        onProgress: (done) => {
          if (done === 2 && !killed) {
            killed = true;
            void chromium.pids().then(([pid]) => process.kill(pid!, 'SIGKILL'));
          }
        },
      },
      async (printer) => ({
        printed: await printer.printAll(jobs(names)),
        launches: () => printer.launches,
      }),
    );
    expect(printed.map((p) => p.name)).toEqual(names);
    for (const [index, pdf] of printed.entries()) {
      expect((await readPdfText(pdf.pdf)).pages[0]).toContain(`Job ${names[index]}`);
    }
    expect(launches()).toBe(2);
    const pids = await chromium.pids();
    expect(pids).toHaveLength(2);
    expect(pids.some(isRunning)).toBe(false);
  });
});

describe.skipIf(process.platform === 'win32')('Ctrl-C', () => {
  it('closes the browser, removes its profile and stops printing', async () => {
    const chromium = await recordingChromium('interrupted');
    let cleanup: (() => Promise<void>) | undefined;
    let unregistered = false;
    let interrupted: Promise<void> | undefined;
    const error = await withPrinter(
      {
        executablePath: chromium.path,
        env: {},
        onInterrupt: (registered) => {
          cleanup = registered;
          return () => (unregistered = true);
        },
        onProgress: (done) => {
          if (done === 1) interrupted = cleanup?.();
        },
      },
      (printer) => printer.printAll(jobs(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'])),
    ).catch((caught: unknown) => caught);
    await interrupted;
    expect(error).toBeInstanceOf(HandoutError);
    expect((error as HandoutError).code).toBe('interrupted');
    expect(unregistered).toBe(true);
    const [pid] = await chromium.pids();
    await waitUntil(() => !isRunning(pid!));
    const profile = (await chromium.args()).find((arg) => arg.startsWith('--user-data-dir='));
    expect(profile).toBeDefined();
    await waitUntil(() => !existsSync(profile!.slice('--user-data-dir='.length)));
  });
});

describe('a browser that cannot start', () => {
  it('fails the run once, with a message naming the browser', async () => {
    const broken = path.join(folder, 'broken-chromium');
    await writeFile(broken, '#!/bin/sh\necho "cannot run" >&2\nexit 3\n');
    chmodSync(broken, 0o755);
    const error = await withPrinter(
      { executablePath: broken, env: {}, timeoutMs: 10_000 },
      (printer) => printer.printAll([job('one', TWO_PAGES), job('two', TWO_PAGES)]),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HandoutError);
    expect((error as HandoutError).code).toBe('chromium-launch-failed');
    expect((error as HandoutError).message).toContain(broken);
    // What the browser itself said, even though it talks to handout over a pipe.
    expect((error as HandoutError).message).toContain('cannot run');
  });

  it('is not even looked for when there is nothing to print', async () => {
    const printed = await withPrinter({ executablePath: '/nowhere/chrome', env: {} }, (printer) =>
      printer.printAll([]),
    );
    expect(printed).toEqual([]);
  });
});
