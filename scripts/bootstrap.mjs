#!/usr/bin/env node
/**
 * Gets a fresh clone on a fresh machine ready to run: dependencies, compiled
 * code, and a browser to print PDFs with. Runs before `npm start` and
 * `npm test`, so it is plain Node with no dependencies, prints one line per
 * step it actually performs, and nothing (quickly) when all is in place.
 *
 * HANDOUT_SKIP_BROWSER=1 skips the browser step (e.g. CI jobs that never print).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const IS_WINDOWS = process.platform === 'win32';

class StepFailed extends Error {}

function say(line) {
  process.stderr.write(`bootstrap: ${line}\n`);
}

/** Runs a command with its output streamed to ours; throws StepFailed unless it succeeds. */
function run(command, args, { env = process.env, what } = {}) {
  // npm and npx are .cmd scripts on Windows, which only a shell can start.
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env, shell: IS_WINDOWS });
  if (result.status === 0) return;
  const how = result.error ? result.error.message : `exit code ${result.status ?? result.signal}`;
  throw new StepFailed(
    `${what ?? `${command} ${args.join(' ')}`} failed (${how}); see the messages above.`,
  );
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * npm records what it installed in node_modules/.package-lock.json; compared
 * with package-lock.json that tells whether `npm ci` is needed, by content
 * rather than by file times (a checkout sets those arbitrarily).
 */
function dependenciesUpToDate() {
  const wanted = readJson(path.join(ROOT, 'package-lock.json'))?.packages;
  const installed = readJson(path.join(ROOT, 'node_modules', '.package-lock.json'))?.packages;
  if (!wanted || !installed) return false;
  for (const [location, entry] of Object.entries(wanted)) {
    if (location === '') continue; // the project itself
    const present = installed[location];
    // Optional packages for other platforms are in the lock but never installed.
    if (!present) {
      if (entry.optional || entry.devOptional) continue;
      return false;
    }
    if (present.version !== entry.version) return false;
  }
  return Object.keys(installed).every((location) => location in wanted);
}

function newestChange(target) {
  const stats = statSync(target, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target))
    newest = Math.max(newest, newestChange(path.join(target, entry)));
  return newest;
}

function compiledUpToDate() {
  const bin = statSync(path.join(ROOT, 'dist', 'bin.js'), { throwIfNoEntry: false });
  if (!bin) return false;
  const sources = Math.max(
    newestChange(path.join(ROOT, 'src')),
    newestChange(path.join(ROOT, 'tsconfig.json')),
  );
  return sources <= bin.mtimeMs;
}

function onPath(command) {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .some((dir) => dir !== '' && existsSync(path.join(dir, command)));
}

async function ensureBrowser() {
  // The search itself lives in the compiled code, so it cannot drift from what `handout build` does.
  const chromium = await import(pathToFileURL(path.join(ROOT, 'dist', 'pdf', 'chromium.js')).href);
  const available = () => chromium.isChromiumAvailable({ env: process.env });
  try {
    if (await available()) return;
  } catch (error) {
    // A HANDOUT_CHROMIUM that points nowhere: installing another browser would not fix that.
    throw new StepFailed(error.message);
  }
  const isRoot = process.getuid?.() === 0;
  if (process.platform === 'linux' && isRoot && onPath('apt-get')) {
    // The old headless shell: it starts and prints about twice as fast as the full browser.
    say('installing Chromium (apt-get install chromium-headless-shell)');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    try {
      run('apt-get', ['update'], { env });
      run('apt-get', ['install', '-y', 'chromium-headless-shell'], { env });
    } catch (error) {
      say(error.message);
    }
    if (await available()) return;
  }
  say('downloading Chrome for puppeteer (npx puppeteer browsers install chrome-headless-shell)');
  try {
    run('npx', ['puppeteer', 'browsers', 'install', 'chrome-headless-shell']);
  } catch (error) {
    say(error.message);
  }
  if (await available()) return;
  throw new StepFailed(chromium.CHROMIUM_INSTALL_HELP);
}

/**
 * handout scan reads PDF scans with poppler's pdfimages and pdftoppm: they
 * stream a 300-page file page by page and handle every PDF a copier makes.
 * Only scanning needs them, so a machine without them still builds.
 */
function ensurePoppler() {
  if (onPath('pdfimages') && onPath('pdftoppm')) return;
  const isRoot = process.getuid?.() === 0;
  if (process.platform === 'linux' && isRoot && onPath('apt-get')) {
    say('installing poppler for reading PDF scans (apt-get install poppler-utils)');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    try {
      run('apt-get', ['install', '-y', 'poppler-utils'], { env });
    } catch {
      try {
        run('apt-get', ['update'], { env });
        run('apt-get', ['install', '-y', 'poppler-utils'], { env });
      } catch (error) {
        say(error.message);
      }
    }
    if (onPath('pdfimages') && onPath('pdftoppm')) return;
  }
  say(
    'note: "handout scan" reads PDF scans with poppler (pdfimages, pdftoppm), which is not installed; install it (Debian/Ubuntu: apt-get install poppler-utils, macOS: brew install poppler) or scan to PNG/JPEG files',
  );
}

async function main() {
  if (!dependenciesUpToDate()) {
    say('installing dependencies (npm ci)');
    run('npm', ['ci'], { what: 'npm ci' });
  }
  if (!compiledUpToDate()) {
    say('compiling TypeScript (npm run build: tsc, then the bundle of dist/bin.js)');
    // The local tsc, started directly: npx would add a second or two and may ask the network.
    const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    run(process.execPath, [tsc, '-p', 'tsconfig.json'], { what: 'Compiling' });
    run(process.execPath, [path.join(ROOT, 'scripts', 'bundle.mjs')], { what: 'Bundling' });
  }
  if (process.env.HANDOUT_SKIP_BROWSER !== '1') await ensureBrowser();
  ensurePoppler();
}

try {
  await main();
} catch (error) {
  if (!(error instanceof StepFailed)) throw error;
  say(error.message);
  process.exitCode = 1;
}
