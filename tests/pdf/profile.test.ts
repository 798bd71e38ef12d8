/**
 * Chromium's profile folders: removed when their browser exits, and the
 * ones a killed run left behind removed later, but only those that are
 * provably handout's and whose process is gone.
 */
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProfile, removeStaleProfiles } from '../../src/pdf/profile.js';
import { withPrinter } from '../../src/pdf/printer.js';
import { job } from './documents.js';

let temp: string;
beforeEach(async () => {
  temp = await mkdtemp(path.join(os.tmpdir(), 'handout-profiles-'));
});
afterEach(() => rm(temp, { recursive: true, force: true }));

/** The id of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

function folder(name: string): string {
  const full = path.join(temp, name);
  mkdirSync(path.join(full, 'Default'), { recursive: true });
  writeFileSync(path.join(full, 'Default', 'Preferences'), '{}');
  return name;
}

describe('stale profile folders', () => {
  it('removes the folders of handout processes that no longer exist, and nothing else', async () => {
    const dead = deadPid();
    const stale = folder(`handout-chromium-${dead}-Ab12Cd`);
    const keep = [
      // A run still going: this test's parent process stands in for it.
      folder(`handout-chromium-${process.ppid}-Xy34Zw`),
      // Puppeteer's own temporary profiles say nothing about whose they are.
      folder('puppeteer_dev_chrome_profile-QUQ0wD'),
      // Named almost like ours, but not by createProfile.
      folder(`handout-chromium-${dead}-extra-words`),
      folder(`handout-chromium-${dead}`),
      folder(`my-handout-chromium-${dead}-Ab12Cd`),
      // This process's own browsers remove their own profiles.
      path.basename(await createProfile(temp)),
    ];
    // A file, not a folder, under our name.
    writeFileSync(path.join(temp, `handout-chromium-${dead}-File01`), '');
    keep.push(`handout-chromium-${dead}-File01`);
    const removed = await removeStaleProfiles(temp);
    expect(removed).toEqual([path.join(temp, stale)]);
    expect(readdirSync(temp).sort()).toEqual(keep.sort());
  });

  it.skipIf(process.getuid?.() !== 0)("leaves another user's folder alone", async () => {
    const other = folder(`handout-chromium-${deadPid()}-Ot43Rs`);
    chownSync(path.join(temp, other), 12345, 12345);
    expect(await removeStaleProfiles(temp)).toEqual([]);
    expect(existsSync(path.join(temp, other))).toBe(true);
  });

  it('copes with a temporary folder that does not exist', async () => {
    expect(await removeStaleProfiles(path.join(temp, 'missing'))).toEqual([]);
  });
});

describe('a printing run', () => {
  it('prints with a profile of its own in the temporary folder and removes it when done', async () => {
    const before = new Set(readdirSync(os.tmpdir()));
    const ours = () =>
      readdirSync(os.tmpdir()).filter(
        (name) => name.startsWith(`handout-chromium-${process.pid}-`) && !before.has(name),
      );
    let during: string[] = [];
    let used = false;
    const printed = await withPrinter({ env: process.env }, async (printer) => {
      const pdfs = await printer.printAll([job('one', { body: '<p>One</p>' })]);
      during = ours();
      // Chromium keeps its profile there: the folder is the one it was given.
      used = during.length === 1 && existsSync(path.join(os.tmpdir(), during[0]!, 'Default'));
      return pdfs;
    });
    expect(printed).toHaveLength(1);
    expect(during).toHaveLength(1);
    expect(used).toBe(true);
    expect(ours()).toEqual([]);
  });
});
