import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HandoutError } from '../../src/errors.js';
import {
  findChromium,
  headlessMode,
  browserKinds,
  systemCandidates,
} from '../../src/pdf/chromium.js';

let folder: string;
let fakeChrome: string;
let otherChrome: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'handout-chromium-'));
  // findChromium only checks that the file exists; it never runs it.
  fakeChrome = path.join(folder, 'chrome');
  otherChrome = path.join(folder, 'other-chrome');
  await writeFile(fakeChrome, '');
  await writeFile(otherChrome, '');
});
afterAll(() => rm(folder, { recursive: true, force: true }));

async function failure(promise: Promise<unknown>): Promise<HandoutError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(HandoutError);
  return error as HandoutError;
}

describe('findChromium', () => {
  it('takes an explicit path first, then HANDOUT_CHROMIUM, then PUPPETEER_EXECUTABLE_PATH', async () => {
    const env = { HANDOUT_CHROMIUM: fakeChrome, PUPPETEER_EXECUTABLE_PATH: otherChrome };
    expect(await findChromium({ explicit: otherChrome, env })).toEqual({
      executablePath: otherChrome,
      source: 'option',
      headless: true,
    });
    expect(await findChromium({ env })).toEqual({
      executablePath: fakeChrome,
      source: 'env',
      headless: true,
    });
    expect(await findChromium({ env: { PUPPETEER_EXECUTABLE_PATH: otherChrome } })).toEqual({
      executablePath: otherChrome,
      source: 'env',
      headless: true,
    });
  });

  it('launches a headless shell the user names as the old headless shell', async () => {
    const shell = path.join(folder, 'chromium-headless-shell');
    await writeFile(shell, '');
    expect(await findChromium({ env: { HANDOUT_CHROMIUM: shell } })).toEqual({
      executablePath: shell,
      source: 'env',
      headless: 'shell',
    });
    expect(headlessMode('/opt/chrome-headless-shell/linux-131/chrome-headless-shell')).toBe(
      'shell',
    );
    expect(headlessMode('/usr/bin/chromium')).toBe(true);
  });

  it('names a path that does not exist instead of looking elsewhere', async () => {
    const missing = path.join(folder, 'no-such-chrome');
    const error = await failure(findChromium({ env: { HANDOUT_CHROMIUM: missing } }));
    expect(error.code).toBe('chromium-not-found');
    expect(error.message).toContain(`"${missing}"`);
    expect(error.message).toContain('HANDOUT_CHROMIUM');
    const explicit = await failure(findChromium({ explicit: folder, env: {} }));
    expect(explicit.message).toContain(`"${folder}"`);
    await expect(browserKinds({ env: { HANDOUT_CHROMIUM: missing } })).rejects.toThrow(missing);
  });

  it('finds a system browser on the PATH', async () => {
    const bin = path.join(folder, 'bin');
    await mkdir(bin);
    await writeFile(path.join(bin, 'google-chrome-stable'), '');
    const candidates = systemCandidates({ PATH: bin }, 'linux');
    expect(candidates).toContain(path.join(bin, 'google-chrome-stable'));
    // The headless shell first (Debian's program itself, not its wrapper script), then full browsers.
    expect(candidates[0]).toBe('/usr/lib/chromium/chromium-headless-shell');
    expect(candidates.indexOf('/usr/bin/chromium-headless-shell')).toBeLessThan(
      candidates.indexOf('/usr/bin/chromium'),
    );
    const firstFull = candidates.findIndex((c) => headlessMode(c) === true);
    expect(candidates.slice(firstFull).every((c) => headlessMode(c) === true)).toBe(true);
  });

  it('prefers the headless shell installed on this machine, when there is one', async (context) => {
    if (!existsSync('/usr/lib/chromium/chromium-headless-shell')) context.skip();
    expect(await findChromium({ env: {} })).toEqual({
      executablePath: '/usr/lib/chromium/chromium-headless-shell',
      source: 'system',
      headless: 'shell',
    });
  });

  it('tells bootstrap whether a browser is named, whether a headless shell is there, whether any is', async () => {
    const shell = path.join(folder, 'chrome-headless-shell');
    await writeFile(shell, '');
    expect(await browserKinds({ env: { HANDOUT_CHROMIUM: shell } })).toEqual({
      named: true,
      headlessShell: true,
      any: true,
    });
    // A Mac with only Google Chrome: a full browser, and no need to load puppeteer to say so.
    const chrome = path.join(folder, 'Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    await mkdir(path.dirname(chrome), { recursive: true });
    await writeFile(chrome, '');
    expect(await browserKinds({ env: { HOME: folder }, platform: 'darwin' })).toEqual({
      named: false,
      headlessShell: false,
      any: true,
    });
  });

  it('knows where macOS and Windows keep Chrome', () => {
    expect(systemCandidates({ HOME: '/Users/ann' }, 'darwin')).toEqual([
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Users/ann/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Users/ann/Applications/Chromium.app/Contents/MacOS/Chromium',
    ]);
    const windows = systemCandidates(
      { PROGRAMFILES: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local' },
      'win32',
    );
    expect(windows[0]).toBe('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(windows).toContain(
      'C:\\Users\\ann\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
    );
  });

  it('says how to install a browser when there is none', async () => {
    // A Windows machine with no Program Files variables has no candidates at all.
    const { any } = await browserKinds({ env: {}, platform: 'win32' });
    if (any) return; // puppeteer has downloaded its own browser on this machine
    const error = await failure(findChromium({ env: {}, platform: 'win32' }));
    expect(error.code).toBe('chromium-not-found');
    expect(error.message).toContain('sudo apt-get install chromium-headless-shell');
    expect(error.message).toContain('npx puppeteer browsers install chrome-headless-shell');
    expect(error.message).toContain('HANDOUT_CHROMIUM=/path/to/chrome');
  });
});

describe('loading', () => {
  it('imports puppeteer only on demand, so lint and --version never load it', async () => {
    const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/pdf');
    for (const file of await readdir(dir)) {
      const source = await readFile(path.join(dir, file), 'utf8');
      expect(source, file).not.toMatch(/^import (?!type )[^;]*from 'puppeteer(-core)?';/m);
    }
  });
});
