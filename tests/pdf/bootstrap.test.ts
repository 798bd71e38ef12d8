/**
 * scripts/bootstrap.mjs in a throwaway project whose npm, tsc, apt-get, npx
 * and browser search are fakes that record what they were asked to do.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './documents.js';

let project: string;
let fakeBin: string;
let log: string;

const LOCK = {
  name: 'fixture',
  lockfileVersion: 3,
  packages: {
    '': { name: 'fixture' },
    'node_modules/left-pad': { version: '1.3.0' },
    'node_modules/@esbuild/darwin-arm64': { version: '0.25.0', optional: true },
  },
};
const INSTALLED = { packages: { 'node_modules/left-pad': { version: '1.3.0' } } };

async function write(file: string, content: string, mode?: number): Promise<void> {
  const full = path.join(project, file);
  await mkdir(path.dirname(full), { recursive: true });
  await writeFile(full, content);
  if (mode !== undefined) chmodSync(full, mode);
}

/** A shell script standing in for a command: it appends its name and arguments to the log. */
async function fake(name: string, extra = ''): Promise<void> {
  await write(
    path.join('fake-bin', name),
    `#!/bin/sh\necho "${name} $*" >> '${log}'\n${extra}\n`,
    0o755,
  );
}

beforeEach(async () => {
  project = await mkdtemp(path.join(os.tmpdir(), 'handout-bootstrap-'));
  fakeBin = path.join(project, 'fake-bin');
  log = path.join(project, 'commands.log');
  await mkdir(path.join(project, 'scripts'));
  await copyFile(
    path.join(REPO_ROOT, 'scripts', 'bootstrap.mjs'),
    path.join(project, 'scripts', 'bootstrap.mjs'),
  );
  await write('package-lock.json', JSON.stringify(LOCK));
  await write('node_modules/.package-lock.json', JSON.stringify(INSTALLED));
  await write('tsconfig.json', '{}');
  await write('src/bin.ts', 'export {};');
  await write(
    'node_modules/typescript/bin/tsc',
    `require('fs').appendFileSync(${JSON.stringify(log)}, 'tsc ' + process.argv.slice(2).join(' ') + '\\n');` +
      `require('fs').writeFileSync('dist/bin.js', '');`,
  );
  await write(
    'scripts/bundle.mjs',
    `import { appendFileSync } from 'node:fs'; appendFileSync(${JSON.stringify(log)}, 'bundle\\n');`,
  );
  await write('dist/bin.js', '');
  // The real search is tested in chromium.test.ts; this one finds a browser once a marker file exists.
  await write(
    'dist/pdf/chromium.js',
    `import { existsSync } from 'node:fs';
export const CHROMIUM_INSTALL_HELP = 'INSTALL HELP TEXT';
export async function isChromiumAvailable({ env }) {
  if (env.HANDOUT_CHROMIUM === '/bad') throw new Error('No browser at "/bad"');
  return existsSync(${JSON.stringify(path.join(project, 'browser-installed'))});
}`,
  );
  await fake('npm', `cp package-lock.json node_modules/.package-lock.json`);
  await fake('npx');
  await fake(
    'apt-get',
    `[ "$1" = install ] && touch '${path.join(project, 'browser-installed')}'; exit 0`,
  );
  await write('browser-installed', '');
  // Sources older than the compiled code, as after a build.
  const past = new Date(Date.now() - 60_000);
  for (const file of ['src/bin.ts', 'tsconfig.json'])
    await utimes(path.join(project, file), past, past);
});

afterEach(() => rm(project, { recursive: true, force: true }));

function bootstrap(env: Record<string, string> = {}): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, ['scripts/bootstrap.mjs'], {
    cwd: project,
    encoding: 'utf8',
    // The fakes shadow the real npm, npx and apt-get; /bin and /usr/bin are there for sh and cp.
    env: {
      PATH: [fakeBin, path.dirname(process.execPath), '/usr/bin', '/bin'].join(path.delimiter),
      ...env,
    },
  });
  return { status: result.status, stderr: result.stderr };
}

async function commands(): Promise<string[]> {
  return existsSync(log) ? (await readFile(log, 'utf8')).trim().split('\n') : [];
}

describe.skipIf(process.platform === 'win32')('bootstrap', () => {
  it('does and says nothing when everything is in place', async () => {
    // How long this takes is a figure of `npm run bench -- --only bootstrap`, not a test: timings flake on a busy machine.
    expect(bootstrap()).toEqual({ status: 0, stderr: '' });
    expect(await commands()).toEqual([]);
  });

  it('runs npm ci when node_modules does not match package-lock.json', async () => {
    await write(
      'node_modules/.package-lock.json',
      JSON.stringify({ packages: { 'node_modules/left-pad': { version: '1.2.0' } } }),
    );
    const { status, stderr } = bootstrap();
    expect(status).toBe(0);
    expect(stderr).toBe('bootstrap: installing dependencies (npm ci)\n');
    expect(await commands()).toEqual(['npm ci']);
  });

  it('runs npm ci when node_modules is missing, and fails clearly when npm ci fails', async () => {
    await rm(path.join(project, 'node_modules', '.package-lock.json'));
    await fake('npm', 'exit 7');
    const { status, stderr } = bootstrap();
    expect(status).toBe(1);
    expect(stderr).toContain('bootstrap: npm ci failed (exit code 7); see the messages above.');
  });

  it('compiles when a source file is newer than dist/bin.js', async () => {
    await write('src/pdf/new.ts', 'export {};');
    const { status, stderr } = bootstrap();
    expect(status).toBe(0);
    expect(stderr).toBe(
      'bootstrap: compiling TypeScript (npm run build: tsc, then the bundle of dist/bin.js)\n',
    );
    expect(await commands()).toEqual(['tsc -p tsconfig.json', 'bundle']);
    expect(bootstrap()).toEqual({ status: 0, stderr: '' });
  });

  it.skipIf(process.platform !== 'linux' || process.getuid?.() !== 0)(
    'installs Chromium with apt-get as root on Linux',
    async () => {
      await rm(path.join(project, 'browser-installed'));
      const { status, stderr } = bootstrap();
      expect(status).toBe(0);
      expect(stderr).toBe(
        'bootstrap: installing Chromium (apt-get install chromium-headless-shell)\n',
      );
      expect(await commands()).toEqual([
        'apt-get update',
        'apt-get install -y chromium-headless-shell',
      ]);
    },
  );

  it('falls back to puppeteer, then to instructions, when no browser can be installed', async () => {
    await rm(path.join(project, 'browser-installed'));
    await fake('apt-get', 'exit 100');
    const { status, stderr } = bootstrap();
    expect(status).toBe(1);
    expect(stderr).toContain(
      'bootstrap: downloading Chrome for puppeteer (npx puppeteer browsers install chrome-headless-shell)',
    );
    expect(stderr.trim().endsWith('bootstrap: INSTALL HELP TEXT')).toBe(true);
    expect(await commands()).toContain('npx puppeteer browsers install chrome-headless-shell');
  });

  it('skips the browser with HANDOUT_SKIP_BROWSER=1, and reports a bad HANDOUT_CHROMIUM otherwise', async () => {
    await rm(path.join(project, 'browser-installed'));
    expect(bootstrap({ HANDOUT_SKIP_BROWSER: '1' })).toEqual({ status: 0, stderr: '' });
    const { status, stderr } = bootstrap({ HANDOUT_CHROMIUM: '/bad' });
    expect(status).toBe(1);
    expect(stderr).toBe('bootstrap: No browser at "/bad"\n');
    expect(await commands()).toEqual([]);
  });
});
