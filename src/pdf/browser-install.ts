/**
 * What bootstrap installs so that handout can print, given what the machine
 * has: a decision kept apart from running apt or npx, so it can be tested
 * on its own. handout prefers the old headless shell (it starts in a third
 * of the time and prints about twice as fast as a full Chromium), so a
 * machine with only the full browser also gets the headless shell where
 * that is one apt-get install away (Linux, root, apt). Nothing is
 * downloaded for the preference alone: the full browser prints the same.
 */

/** What bootstrap found (chromium.ts: browserKinds), and whether apt can install. */
export interface BrowserFacts {
  /** The user named a browser (HANDOUT_CHROMIUM, PUPPETEER_EXECUTABLE_PATH): it is used as it is. */
  named: boolean;
  /** A headless shell is installed (the system's or puppeteer's). */
  headlessShell: boolean;
  /** Some browser is installed. */
  any: boolean;
  /** Linux, running as root, with apt-get on the PATH. */
  canApt: boolean;
  /**
   * apt could not add the headless shell beside a full Chromium before (a
   * distribution without the package, no network): bootstrap runs on every
   * `npm start`, and `apt-get update` alone takes seconds, so it is not
   * tried again.
   */
  shellInstallFailed: boolean;
}

export type InstallAttempt =
  | { by: 'apt-get'; package: 'chromium-headless-shell' }
  | { by: 'puppeteer'; browser: 'chrome-headless-shell' };

export interface BrowserInstallPlan {
  /** Tried in order, each only if the ones before did not give what is wanted. */
  attempts: InstallAttempt[];
  /** What stops the attempts: any browser, or a headless shell in particular. */
  want: 'any' | 'headless-shell';
  /** Without it handout cannot print: bootstrap fails if every attempt does. */
  required: boolean;
}

const APT: InstallAttempt = { by: 'apt-get', package: 'chromium-headless-shell' };
const PUPPETEER: InstallAttempt = { by: 'puppeteer', browser: 'chrome-headless-shell' };

export function browserInstallPlan(facts: BrowserFacts): BrowserInstallPlan {
  if (facts.named || facts.headlessShell) return { attempts: [], want: 'any', required: false };
  if (facts.any)
    return {
      attempts: facts.canApt && !facts.shellInstallFailed ? [APT] : [],
      want: 'headless-shell',
      required: false,
    };
  return { attempts: facts.canApt ? [APT, PUPPETEER] : [PUPPETEER], want: 'any', required: true };
}
