/**
 * Finding a Chromium or Chrome to print with. The old headless shell
 * (Debian's chromium-headless-shell, puppeteer's chrome-headless-shell) is
 * preferred: it starts in a third of the time and prints about twice as fast
 * as a full Chromium, whose new headless mode runs the whole browser.
 * Puppeteer is imported only when its own browser is the candidate being
 * checked, so commands that never print (and bootstrap, when a system browser
 * exists) do not pay for loading it.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { HandoutError } from '../errors.js';

export type ChromiumSource = 'option' | 'env' | 'puppeteer' | 'system';

export interface FoundChromium {
  executablePath: string;
  source: ChromiumSource;
  /** How puppeteer launches it: 'shell' for the old headless shell, true (new headless) for a full browser. */
  headless: HeadlessMode;
}

export type HeadlessMode = 'shell' | true;

/** The old headless shell is a separate program, recognised by its name. */
export function headlessMode(executablePath: string): HeadlessMode {
  return /headless[-_]shell/i.test(path.basename(executablePath)) ? 'shell' : true;
}

export interface FindChromiumOptions {
  /** A path the user gave explicitly (flag or config); it must exist. */
  explicit?: string;
  env: Record<string, string | undefined>;
  /** For tests of other platforms' search paths; defaults to this machine's. */
  platform?: NodeJS.Platform;
}

/** The environment variables that name a browser, strongest first. */
export const CHROMIUM_ENV_VARS = ['HANDOUT_CHROMIUM', 'PUPPETEER_EXECUTABLE_PATH'] as const;

export const CHROMIUM_INSTALL_HELP = [
  'handout prints PDFs with Chromium or Google Chrome, and found neither. Install one:',
  '  Debian/Ubuntu:  sudo apt-get install chromium-headless-shell   (or: chromium)',
  '  elsewhere:      npx puppeteer browsers install chrome-headless-shell',
  'or point handout at one you have:  HANDOUT_CHROMIUM=/path/to/chrome',
].join('\n');

/**
 * The browser to print with: an explicit path, then HANDOUT_CHROMIUM or
 * PUPPETEER_EXECUTABLE_PATH, then the system's headless shell, then the
 * browsers puppeteer downloaded (its headless shell first), then a system
 * Chromium or Chrome. Throws a HandoutError saying how to install one.
 */
export async function findChromium(options: FindChromiumOptions): Promise<FoundChromium> {
  const platform = options.platform ?? process.platform;
  const found =
    namedChromium(options) ??
    systemChromium(options.env, platform, 'shell') ??
    (await puppeteerChromium()) ??
    systemChromium(options.env, platform, true);
  if (found) return found;
  throw new HandoutError(CHROMIUM_INSTALL_HELP, { code: 'chromium-not-found' });
}

/** What bootstrap needs to know of the browsers installed (see browser-install.ts). */
export interface BrowserKinds {
  /** A browser named by the environment (HANDOUT_CHROMIUM, PUPPETEER_EXECUTABLE_PATH). */
  named: boolean;
  /** A headless shell, the system's or puppeteer's (the latter looked for only with `preferShell`). */
  headlessShell: boolean;
  any: boolean;
}

/**
 * Which browsers there are, checking puppeteer's download last because
 * importing puppeteer is slow (about 0.3 s) and bootstrap runs on every
 * `npm start`: with a full system browser found, puppeteer is asked whether
 * it holds a headless shell only if `preferShell` (when one could be
 * installed). Throws like findChromium on a named path that is missing.
 */
export async function browserKinds(
  options: FindChromiumOptions & { preferShell?: boolean },
): Promise<BrowserKinds> {
  const platform = options.platform ?? process.platform;
  const named = namedChromium(options);
  if (named) return { named: true, headlessShell: named.headless === 'shell', any: true };
  if (systemChromium(options.env, platform, 'shell'))
    return { named: false, headlessShell: true, any: true };
  const full = systemChromium(options.env, platform, true);
  if (full && !options.preferShell) return { named: false, headlessShell: false, any: true };
  const downloaded = await puppeteerChromium();
  return {
    named: false,
    headlessShell: downloaded?.headless === 'shell',
    any: full !== undefined || downloaded !== undefined,
  };
}

/** Whether any browser is available; throws like findChromium on a named path that is missing. */
export async function isChromiumAvailable(options: FindChromiumOptions): Promise<boolean> {
  return (await browserKinds(options)).any;
}

/** A path the user named must exist: silently falling back would hide their typo. */
function namedChromium({ explicit, env }: FindChromiumOptions): FoundChromium | undefined {
  if (explicit !== undefined && explicit !== '') {
    const executablePath = existingFile(explicit, 'the chromium option');
    return { executablePath, source: 'option', headless: headlessMode(executablePath) };
  }
  for (const name of CHROMIUM_ENV_VARS) {
    const value = env[name];
    if (value !== undefined && value !== '') {
      const executablePath = existingFile(value, `the ${name} environment variable`);
      return { executablePath, source: 'env', headless: headlessMode(executablePath) };
    }
  }
  return undefined;
}

function existingFile(file: string, setBy: string): string {
  if (isFile(file)) return path.resolve(file);
  throw new HandoutError(
    `No browser at "${file}" (set by ${setBy}). Correct the path, or remove the setting to let handout look for Chromium or Chrome itself.`,
    { code: 'chromium-not-found' },
  );
}

async function puppeteerChromium(): Promise<FoundChromium | undefined> {
  let candidates: string[];
  try {
    const { default: puppeteer } = await import('puppeteer');
    candidates = [puppeteer.executablePath({ headless: 'shell' }), puppeteer.executablePath()];
  } catch {
    // No puppeteer installed, or no build known for this platform: not an error, just no candidate.
    return undefined;
  }
  const executablePath = candidates.find(isFile);
  return executablePath === undefined
    ? undefined
    : { executablePath, source: 'puppeteer', headless: headlessMode(executablePath) };
}

function systemChromium(
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform,
  kind: HeadlessMode,
): FoundChromium | undefined {
  const executablePath = systemCandidates(env, platform)
    .filter((candidate) => headlessMode(candidate) === kind)
    .find(isFile);
  return executablePath === undefined
    ? undefined
    : { executablePath, source: 'system', headless: kind };
}

/*
 * Debian's /usr/bin/chromium-headless-shell is a shell script that runs the
 * program in /usr/lib/chromium without exec: launched through it, a browser
 * killed after a hung close would leave the real process behind.
 */
const LINUX_PROGRAMS = ['/usr/lib/chromium/chromium-headless-shell'];
const LINUX_NAMES = [
  'chromium-headless-shell',
  'chrome-headless-shell',
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
];

/** Where browsers usually live, in order of preference, on each platform. */
export function systemCandidates(
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform,
): string[] {
  if (platform === 'darwin') {
    const bundles = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
    ];
    const roots = [
      '/Applications',
      ...(env.HOME ? [path.posix.join(env.HOME, 'Applications')] : []),
    ];
    return roots.flatMap((root) => bundles.map((bundle) => path.posix.join(root, bundle)));
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(
      (root): root is string => root !== undefined && root !== '',
    );
    const apps = [
      'Google\\Chrome\\Application\\chrome.exe',
      'Chromium\\Application\\chrome.exe',
      // Every Windows 10/11 has Edge, which is Chromium and prints the same way.
      'Microsoft\\Edge\\Application\\msedge.exe',
    ];
    return apps.flatMap((app) => roots.map((root) => path.win32.join(root, app)));
  }
  // The usual folders come first so an odd PATH cannot make the choice depend on the shell.
  const dirs = ['/usr/bin', ...(env.PATH ?? '').split(':'), '/snap/bin'].filter(
    (dir) => dir !== '',
  );
  const unique = [...new Set(dirs)];
  return [
    ...LINUX_PROGRAMS,
    ...LINUX_NAMES.flatMap((name) => unique.map((dir) => path.posix.join(dir, name))),
  ];
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
