/** handout doctor, in-process, against the real browser and fonts of this machine. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../src/pdf/chromium.js';
import { bundledFamilies } from '../../src/render/font-packages.js';
import { runCli } from '../helpers/cli.js';
import { makeProject } from '../helpers/project.js';

describe('handout doctor', () => {
  it('names the browser, fonts and versions a run would use, after printing a test page', async () => {
    const browser = await findChromium({ env: process.env });
    const result = await runCli(['doctor'], process.cwd());
    expect(result.code, result.stdout).toBe(0);
    const out = result.stdout;
    expect(out).toContain(`path       ${browser.executablePath}`);
    expect(out).toMatch(/kind {7}(headless shell|full Chromium or Chrome)/);
    expect(out).toMatch(/version {4}\S*(Chromium|Chrome)\S* \d+\./);
    // The test page sets a word in each script; each comes from its bundled face.
    const testPage = /test page {2}printed in [\d.]+ s \(11 scripts\), embedding (.*)/.exec(out);
    expect(testPage, out).not.toBeNull();
    for (const face of [
      'NotoSerif-',
      'NotoSansSC',
      'NotoSansKR',
      'NotoNaskhArabic',
      'NotoSerifHebrew',
      'NotoSerifDevanagari',
      'NotoSerifThai',
    ]) {
      expect(testPage![1]).toContain(face);
    }
    for (const family of bundledFamilies()) expect(out).toContain(`  ${family.family}  `);
    expect(out).toMatch(/Noto Sans SC +latin, chinese-simplified/);
    expect(out).toContain(`Node.js      ${process.versions.node}`);
    expect(out).toMatch(/puppeteer +\d+\.\d+\.\d+/);
    expect(out).toContain('All set: handout can build and print here.');
  }, 60_000);

  it('fails, saying what to install, when the browser it is told to use does not exist', async () => {
    const result = await runCli(['doctor'], process.cwd(), {
      ...process.env,
      HANDOUT_CHROMIUM: '/nonexistent/chromium',
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('! No browser at "/nonexistent/chromium"');
    expect(result.stdout).toContain('handout cannot print here yet');
  });

  it('fails, saying what to install, when the browser cannot print', async () => {
    const root = makeProject({});
    const notABrowser = path.join(root, 'chromium');
    writeFileSync(notABrowser, '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    const result = await runCli(['doctor', '--chromium', notABrowser], root);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`path       ${notABrowser}`);
    expect(result.stdout).toContain('test page  failed');
    expect(result.stdout).toContain('! The browser could not print a test page');
    expect(result.stdout).toContain('apt-get install');
  }, 60_000);
});
