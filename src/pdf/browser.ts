/**
 * One Chromium per run: launched on first use, relaunched if it crashes,
 * closed exactly once at the end. Puppeteer is imported here, lazily, as
 * puppeteer-core: the browser's path is always known by now (chromium.ts
 * found it, asking `puppeteer` only for its own downloads), and the
 * `puppeteer` wrapper's configuration search (cosmiconfig, .puppeteerrc)
 * cost about 30 ms of CPU time before every launch for nothing it uses.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import type { Browser, Page } from 'puppeteer-core';
import { HandoutError } from '../errors.js';
import { createProfile, removeProfile, removeStaleProfilesOnce } from './profile.js';

/**
 * Chromium flags for printing on a machine that may be offline and run as root.
 * The background services would otherwise keep dialling a closed network, and
 * the sandbox cannot start as root.
 */
export function chromiumArgs(isRoot: boolean): string[] {
  return [
    ...(isRoot ? ['--no-sandbox'] : []),
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
  ];
}

/**
 * Added for printing only: the GPU and network services run inside the
 * browser process rather than as processes of their own. Printing uses
 * neither much, and the two processes cost about 150 MB of memory; a
 * browser that shows pages (the preview's tests) keeps them apart.
 */
export function printingArgs(isRoot: boolean): string[] {
  return [
    ...chromiumArgs(isRoot),
    '--in-process-gpu',
    '--enable-features=NetworkServiceInProcess2',
  ];
}

export interface BrowserSessionOptions {
  executablePath: string;
  /** 'shell' for the old headless shell (see chromium.ts). */
  headless: 'shell' | true;
  timeoutMs: number;
  /**
   * True when the caller closes the browser on Ctrl-C itself; otherwise
   * puppeteer's own signal handlers kill it so that it is never left behind.
   */
  callerHandlesSignals: boolean;
}

export class BrowserSession {
  #options: BrowserSessionOptions;
  #current: Promise<Browser> | undefined;
  #closed = false;
  #launches = 0;
  /** One per browser started: done once that browser has exited and its profile is removed. */
  #profilesRemoved: Promise<void>[] = [];
  #launchingNow: () => void = () => undefined;
  #running: Browser | undefined;
  /**
   * Resolves when the first browser's process is being started (or could
   * not be): from then on it starts in its own processes, while Node is
   * free for other work.
   */
  readonly launching: Promise<void>;

  constructor(options: BrowserSessionOptions) {
    this.#options = options;
    this.launching = new Promise((resolve) => (this.#launchingNow = resolve));
  }

  /** How many times a browser was started: more than one means it crashed. */
  get launches(): number {
    return this.#launches;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** A browser has started and is still connected: asking for it now costs no wait. */
  get running(): boolean {
    return !this.#closed && (this.#running?.connected ?? false);
  }

  /** The running browser, starting one if there is none or the last one died. */
  async browser(): Promise<Browser> {
    if (this.#closed) throw stoppedError();
    const current = this.#current;
    if (current) {
      const browser = await current;
      if (browser.connected) return browser;
      // Both workers may notice the crash; only the first one relaunches.
      if (this.#current === current) this.#current = undefined;
      return this.browser();
    }
    const launching = this.#launch();
    this.#current = launching;
    // A failed launch must not be cached: the next caller should get the error afresh, not a stale promise.
    launching.catch(() => {
      if (this.#current === launching) this.#current = undefined;
    });
    return launching;
  }

  /** Safe to call more than once and while a launch is under way. */
  async close(): Promise<void> {
    this.#closed = true;
    const current = this.#current;
    this.#current = undefined;
    if (current) {
      const browser = await current.catch(() => undefined);
      if (browser) await closeOrKill(browser);
    }
    // Also the profiles of browsers that crashed earlier in the run.
    await Promise.all(this.#profilesRemoved);
  }

  async #launch(): Promise<Browser> {
    const { executablePath, headless, timeoutMs, callerHandlesSignals } = this.#options;
    const { default: puppeteer } = await import('puppeteer-core');
    this.#launches += 1;
    // Profiles left by runs that were killed outright go meanwhile: the launch need not wait.
    void removeStaleProfilesOnce();
    const profile = await createProfile();
    let browser: Browser;
    try {
      const launched = puppeteer.launch({
        executablePath,
        userDataDir: profile,
        headless,
        args: printingArgs(process.getuid?.() === 0),
        // DevTools over a pipe, not a port: Chromium exits when the pipe closes, so the browser
        // and its helpers (zygotes, renderers, GPU, network) die with handout even on kill -9.
        pipe: true,
        timeout: timeoutMs,
        protocolTimeout: timeoutMs,
        handleSIGINT: !callerHandlesSignals,
        handleSIGTERM: !callerHandlesSignals,
        handleSIGHUP: !callerHandlesSignals,
      });
      // puppeteer.launch spawns the process before its first await.
      this.#launchingNow();
      browser = await launched;
    } catch (error) {
      this.#launchingNow();
      await removeProfile(profile);
      const details = [messageOf(error), whyItDidNotStart(executablePath)]
        .filter(Boolean)
        .join('\n')
        .trim()
        .replace(/\n+/g, '\n    ');
      throw new HandoutError(
        `Could not start the browser at ${executablePath}; set HANDOUT_CHROMIUM to a working Chromium or Chrome.\n    ${details}`,
        { code: 'chromium-launch-failed', cause: error },
      );
    }
    // However this browser ends (closed, crashed, killed), its profile goes once its process has exited.
    this.#profilesRemoved.push(exited(browser.process()).then(() => removeProfile(profile)));
    const [startup] = await browser.pages().catch(() => []);
    if (startup) startupTabs.set(browser, startup);
    if (this.#closed) {
      // Closed (Ctrl-C) while starting: do not leave this one running.
      await closeOrKill(browser);
      throw stoppedError();
    }
    this.#running = browser;
    return browser;
  }
}

/** Resolves once the browser's process has exited (at once if there is none to wait for). */
function exited(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Chromium's orderly shutdown can wait forever on a stuck load (a file that
 * never finishes reading); after a short grace period the process is killed.
 */
async function closeOrKill(browser: Browser): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const gracePeriod = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), CLOSE_GRACE_MS);
  });
  const closed = browser.close().then(
    () => 'closed' as const,
    () => 'failed' as const,
  );
  const outcome = await Promise.race([closed, gracePeriod]);
  clearTimeout(timer);
  if (outcome !== 'closed') browser.process()?.kill('SIGKILL');
}

const CLOSE_GRACE_MS = 2_000;

/**
 * Over a pipe, puppeteer cannot show what a browser that failed to start
 * printed. Asking it for its version shows the usual causes (a missing
 * library, a file that is not a browser) in the browser's own words.
 */
function whyItDidNotStart(executablePath: string): string | undefined {
  const probe = spawnSync(executablePath, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  if (probe.error) return probe.error.message;
  if (probe.status === 0) return undefined;
  const said = `${probe.stderr}${probe.stdout}`.trim().split('\n').slice(-5).join('\n');
  return said || `${executablePath} --version exited with code ${probe.status ?? probe.signal}`;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The blank tab each browser opens at startup, until a job takes it.
 * Printing in it rather than leaving it idle beside the tabs the jobs open
 * saves a renderer process (about 85 MB). Recorded at launch, before any
 * other tab exists: a tab a worker has just opened is blank too, and must
 * never be handed to a second worker.
 */
const startupTabs = new WeakMap<Browser, Page>();

/** The browser's startup tab, once: later callers get undefined and open their own. */
export function takeStartupTab(browser: Browser): Page | undefined {
  const page = startupTabs.get(browser);
  startupTabs.delete(browser);
  return page && !page.isClosed() ? page : undefined;
}

/** What printing reports after Ctrl-C (or any close) cut it short. */
export function stoppedError(): HandoutError {
  return new HandoutError('Printing was stopped.', { code: 'interrupted' });
}
