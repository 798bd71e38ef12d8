/**
 * Chromium's profile folders: removed when their browser exits, and the
 * ones a killed run left behind removed later, but only those that are
 * provably handout's and whose process is gone.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdirSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createProfile,
  profilesFolder,
  removeStaleProfiles,
  removeStaleProfilesOnce,
} from '../../src/pdf/profile.js';
import { withPrinter } from '../../src/pdf/printer.js';
import { job } from './documents.js';
import { BIN, ensureBuilt } from '../helpers/build.js';
import { makeProject, singleQuestion } from '../helpers/project.js';

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

/** A profile-like folder in this user's folder of profiles (or, with `where`, elsewhere). */
function folder(name: string, where = profilesFolder(temp)): string {
  const full = path.join(where, name);
  mkdirSync(path.join(full, 'Default'), { recursive: true });
  writeFileSync(path.join(full, 'Default', 'Preferences'), '{}');
  return name;
}

describe('stale profile folders', () => {
  it('removes the folders of handout processes that no longer exist, and nothing else', async () => {
    const dead = deadPid();
    const ours = profilesFolder(temp);
    const stale = folder(`${dead}-Ab12Cd`);
    const keep = [
      // A run still going: this test's parent process stands in for it.
      folder(`${process.ppid}-Xy34Zw`),
      // Named almost like ours, but not by createProfile.
      folder(`${dead}-extra-words`),
      folder(`${dead}`),
      folder(`my-${dead}-Ab12Cd`),
      // This process's own browsers remove their own profiles.
      path.basename(await createProfile(temp)),
    ];
    // A file, not a folder, under our name.
    writeFileSync(path.join(ours, `${dead}-File01`), '');
    keep.push(`${dead}-File01`);
    // Loose in the temporary folder, only a profile named as handout names one there
    // (its fallback; earlier versions put every profile there) is handout's.
    const loose = folder(`handout-chromium-${dead}-Ab12Cd`, temp);
    const outside = [
      folder('puppeteer_dev_chrome_profile-QUQ0wD', temp),
      folder(`${dead}-Ab12Cd`, temp),
      folder(`handout-chromium-${dead}-extra-words`, temp),
      folder(`handout-chromium-${process.ppid}-Li56Ve`, temp),
    ];
    // A link under a loose profile's name is not followed, nor removed.
    symlinkSync(path.join(temp, outside[0]!), path.join(temp, `handout-chromium-${dead}-Li78Nk`));
    outside.push(`handout-chromium-${dead}-Li78Nk`);
    const removed = await removeStaleProfiles(temp);
    expect(removed.sort()).toEqual([path.join(ours, stale), path.join(temp, loose)].sort());
    expect(readdirSync(ours).sort()).toEqual(keep.sort());
    expect(readdirSync(temp).sort()).toEqual([...outside, path.basename(ours)].sort());
    expect(readdirSync(path.join(temp, outside[0]!))).toEqual(['Default']);
  });

  it('removes loose profiles of dead processes even where its own folder cannot be used', async () => {
    writeFileSync(profilesFolder(temp), 'not a folder');
    const loose = folder(`handout-chromium-${deadPid()}-Fa11Bk`, temp);
    expect(await removeStaleProfiles(temp)).toEqual([path.join(temp, loose)]);
  });

  it('makes profiles in a folder of this user only, closed to others', async () => {
    const profile = await createProfile(temp);
    expect(path.dirname(profile)).toBe(profilesFolder(temp));
    expect(path.basename(profile)).toMatch(new RegExp(`^${process.pid}-[A-Za-z0-9]{6}$`));
    expect(statSync(profilesFolder(temp)).mode & 0o077).toBe(0);
  });

  it('never follows a link put where its folder should be', async () => {
    const elsewhere = path.join(temp, 'elsewhere');
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, profilesFolder(temp));
    folder(`${deadPid()}-Ln12Ks`, elsewhere);
    expect(await removeStaleProfiles(temp)).toEqual([]);
    expect(readdirSync(elsewhere)).toHaveLength(1);
    // The browser still gets a profile, beside the link rather than through it.
    const profile = await createProfile(temp);
    expect(path.dirname(profile)).toBe(temp);
    expect(path.basename(profile)).toMatch(new RegExp(`^handout-chromium-${process.pid}-`));
    expect(readdirSync(elsewhere)).toHaveLength(1);
  });

  it('cleans up once per process and temporary folder', async () => {
    const first = folder(`${deadPid()}-On12Ce`);
    expect(await removeStaleProfilesOnce(temp)).toEqual([path.join(profilesFolder(temp), first)]);
    folder(`${deadPid()}-Tw34Ce`);
    // A second call in the same run does not list the folder again.
    expect(await removeStaleProfilesOnce(temp)).toEqual([path.join(profilesFolder(temp), first)]);
    expect(readdirSync(profilesFolder(temp))).toHaveLength(1);
  });

  it.skipIf(process.getuid?.() !== 0)(
    "leaves another user's folder of profiles alone",
    async () => {
      const other = folder(`${deadPid()}-Ot43Rs`);
      chownSync(profilesFolder(temp), 12345, 12345);
      expect(await removeStaleProfiles(temp)).toEqual([]);
      expect(existsSync(path.join(profilesFolder(temp), other))).toBe(true);
      // Nor does a browser's profile go into it.
      expect(path.dirname(await createProfile(temp))).toBe(temp);
      // Nor is another user's loose profile handout's to remove.
      const loose = folder(`handout-chromium-${deadPid()}-Ot56Rs`, temp);
      chownSync(path.join(temp, loose), 12345, 12345);
      expect(await removeStaleProfiles(temp)).toEqual([]);
      expect(existsSync(path.join(temp, loose))).toBe(true);
    },
  );

  it('copes with a temporary folder that does not exist', async () => {
    expect(await removeStaleProfiles(path.join(temp, 'missing'))).toEqual([]);
  });
});

describe('a printing run', () => {
  it('prints with a profile of its own in the temporary folder and removes it when done', async () => {
    const profiles = profilesFolder();
    const list = () => (existsSync(profiles) ? readdirSync(profiles) : []);
    const before = new Set(list());
    const ours = () =>
      list().filter((name) => name.startsWith(`${process.pid}-`) && !before.has(name));
    let during: string[] = [];
    let used = false;
    const printed = await withPrinter({ env: process.env }, async (printer) => {
      const pdfs = await printer.printAll([job('one', { body: '<p>One</p>' })]);
      during = ours();
      // Chromium keeps its profile there: the folder is the one it was given.
      used = during.length === 1 && existsSync(path.join(profiles, during[0]!, 'Default'));
      return pdfs;
    });
    expect(printed).toHaveLength(1);
    expect(during).toHaveLength(1);
    expect(used).toBe(true);
    expect(ours()).toEqual([]);
  });
});

/** The folders in `folder` whose names start with `prefix`. */
const named = (folder: string, prefix: string): string[] =>
  existsSync(folder) ? readdirSync(folder).filter((name) => name.startsWith(prefix)) : [];

describe('the handout command', () => {
  it('removes its own profile when it ends, after Ctrl-C too, and stale loose ones when it starts', async () => {
    ensureBuilt();
    const questions = Array.from({ length: 8 }, (_, i) => singleQuestion(`q${i + 1}`)).join('');
    const root = makeProject({
      'questions/bank.yaml': `questions:\n${questions}`,
      'questions/quizzes/long.yaml': `id: long\ntitle: Long\nseed: 3\nversions: 12\nsections:\n  - title: S\n    pick: 8\n    from: { types: [single] }\n`,
    });
    // What a run killed outright, or an earlier version, left loose in the temporary folder.
    const stale = folder(`handout-chromium-${deadPid()}-Ol12Dr`, temp);
    const env = { ...process.env, TMPDIR: temp };
    const profiles = profilesFolder(temp);

    const interrupted = spawn(process.execPath, [BIN, 'quiz', 'long', '--format', 'pdf'], {
      cwd: root,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => interrupted.once('exit', resolve));
    let stderr = '';
    await new Promise<void>((resolve, reject) => {
      interrupted.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/printed 2\//.test(stderr)) resolve();
      });
      void exited.then((code) => reject(new Error(`handout ended (${code}) early:\n${stderr}`)));
    });
    const own = `${interrupted.pid}-`;
    expect(named(profiles, own)).toHaveLength(1);
    interrupted.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(named(profiles, own)).toEqual([]);
    expect(existsSync(path.join(temp, stale))).toBe(false);

    const finished = spawn(
      process.execPath,
      [BIN, 'quiz', 'long', '--versions', '1', '--format', 'pdf', '--quiet'],
      { cwd: root, env, stdio: 'ignore' },
    );
    expect(await new Promise((resolve) => finished.once('exit', resolve))).toBe(0);
    expect(existsSync(path.join(root, 'out/quizzes/long/version-A.pdf'))).toBe(true);
    expect(named(profiles, '')).toEqual([]);
    expect(named(temp, 'handout-chromium-').sort()).toEqual([path.basename(profiles)]);
  }, 120_000);
});
