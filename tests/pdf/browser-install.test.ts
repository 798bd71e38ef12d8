/** What bootstrap installs for printing, decided from what the machine has (never runs apt). */
import { describe, expect, it } from 'vitest';
import { browserInstallPlan, type BrowserFacts } from '../../src/pdf/browser-install.js';

const none: BrowserFacts = {
  named: false,
  headlessShell: false,
  any: false,
  canApt: false,
  shellInstallFailed: false,
};
const APT = { by: 'apt-get', package: 'chromium-headless-shell' };
const PUPPETEER = { by: 'puppeteer', browser: 'chrome-headless-shell' };

describe('what bootstrap installs to print', () => {
  it('installs nothing when the headless shell is there, or the user named a browser', () => {
    const nothing = { attempts: [], want: 'any', required: false };
    expect(browserInstallPlan({ ...none, headlessShell: true, any: true, canApt: true })).toEqual(
      nothing,
    );
    // A named full browser is the user's choice: no second browser is installed beside it.
    expect(browserInstallPlan({ ...none, named: true, any: true, canApt: true })).toEqual(nothing);
  });

  it('adds the headless shell with apt when only the full Chromium is installed', () => {
    expect(browserInstallPlan({ ...none, any: true, canApt: true })).toEqual({
      attempts: [APT],
      want: 'headless-shell',
      required: false,
    });
  });

  it('does not try apt again on every start once it could not add the headless shell', () => {
    expect(
      browserInstallPlan({ ...none, any: true, canApt: true, shellInstallFailed: true }).attempts,
    ).toEqual([]);
    // Without any browser, an earlier failure to add the shell does not stop trying to get one.
    expect(
      browserInstallPlan({ ...none, canApt: true, shellInstallFailed: true }).attempts,
    ).toEqual([APT, PUPPETEER]);
  });

  it('keeps the full Chromium without apt: nothing is downloaded for speed alone', () => {
    expect(browserInstallPlan({ ...none, any: true, canApt: false })).toEqual({
      attempts: [],
      want: 'headless-shell',
      required: false,
    });
  });

  it('must install a browser when there is none: apt first where it can, then puppeteer', () => {
    expect(browserInstallPlan({ ...none, canApt: true })).toEqual({
      attempts: [APT, PUPPETEER],
      want: 'any',
      required: true,
    });
    expect(browserInstallPlan(none)).toEqual({
      attempts: [PUPPETEER],
      want: 'any',
      required: true,
    });
  });
});
