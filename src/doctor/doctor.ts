/**
 * What a run would use, checked for real: the browser is found as a run
 * finds it and prints a test page in every bundled script, whose PDF must
 * embed only bundled faces. Each problem says what to install.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { messageOf } from '../pdf/browser.js';
import { CHROMIUM_INSTALL_HELP, findChromium, type FoundChromium } from '../pdf/chromium.js';
import { bundledFamilies, type BundledFamily } from '../render/font-packages.js';
import { fontAssets } from '../render/fonts.js';
import { handoutVersion } from '../version.js';

export interface Finding {
  label: string;
  value: string;
}

export interface Section {
  title: string;
  findings: Finding[];
  /** What stops a run, with what to do; empty when all is well. */
  problems: string[];
}

export interface Diagnosis {
  sections: Section[];
  /** False when a run could not print. */
  canPrint: boolean;
}

export interface DiagnoseOptions {
  /** --chromium PATH, if given. */
  chromium?: string;
  env: Record<string, string | undefined>;
}

/** The packages a run loads, in the order a reader looks for them. */
const PACKAGES = ['puppeteer', 'pdf-lib', 'nunjucks', 'yaml', 'commander', 'markdown-it'];

/** One word per bundled script, set in the serif stack as body text is. */
export const SCRIPT_SAMPLES: [script: string, sample: string][] = [
  ['Latin', 'Ärztin Øre'],
  ['Cyrillic', 'Жена'],
  ['Greek', 'Ελλάδα'],
  ['Vietnamese', 'Việt'],
  ['Chinese', '中文'],
  ['Japanese', 'ひらがな'],
  ['Korean', '한국어'],
  ['Arabic', 'عربي'],
  ['Hebrew', 'עברית'],
  ['Devanagari', 'हिन्दी'],
  ['Thai', 'ภาษาไทย'],
];

export async function diagnose(options: DiagnoseOptions): Promise<Diagnosis> {
  const runtime = runtimeSection();
  const fonts = fontSection();
  const browser = await browserSection(options, fonts.problems.length === 0);
  const sections = [browser.section, fonts, runtime];
  return {
    sections,
    canPrint: browser.printed && sections.every((section) => section.problems.length === 0),
  };
}

function runtimeSection(): Section {
  const problems: string[] = [];
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  const nodeOk = major > 20 || (major === 20 && minor >= 19);
  if (!nodeOk) {
    problems.push(
      `Node.js ${process.versions.node} is too old: handout needs 20.19 or newer. Install a current Node.js LTS (https://nodejs.org, or your system's package manager).`,
    );
  }
  const findings: Finding[] = [
    { label: 'handout', value: handoutVersion() },
    { label: 'Node.js', value: `${process.versions.node} (${process.execPath})` },
  ];
  for (const name of PACKAGES) {
    const version = packageVersion(name);
    findings.push({ label: name, value: version ?? 'missing' });
    if (!version) {
      problems.push(
        `The npm package ${name} is missing: run "npm ci" in handout's folder (npm start does it for you).`,
      );
    }
  }
  return { title: 'Runtime', findings, problems };
}

/** The version of the package a run would load (some packages do not export package.json). */
function packageVersion(name: string): string | undefined {
  let dir: string;
  try {
    dir = path.dirname(fileURLToPath(import.meta.resolve(name)));
  } catch {
    return undefined;
  }
  for (; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === name) return manifest.version;
    } catch {
      // No package.json at this level: look one folder up.
    }
  }
  return undefined;
}

function fontSection(): Section {
  let families: BundledFamily[];
  try {
    families = bundledFamilies();
  } catch (error) {
    return {
      title: 'Fonts (bundled; the PDFs never use this computer’s fonts)',
      findings: [],
      problems: [
        `The bundled fonts cannot be read (${messageOf(error)}): run "npm ci" in handout's folder to reinstall them.`,
      ],
    };
  }
  return {
    title: 'Fonts (bundled; the PDFs never use this computer’s fonts)',
    findings: families.map((family) => ({
      label: family.family,
      value: `${['latin', ...family.scripts].join(', ')}  (${family.pkg} ${family.version})`,
    })),
    problems: [],
  };
}

async function browserSection(
  options: DiagnoseOptions,
  fontsReadable: boolean,
): Promise<{ section: Section; printed: boolean }> {
  const title = 'Browser (prints the PDFs)';
  let found: FoundChromium;
  try {
    found = await findChromium({ explicit: options.chromium, env: options.env });
  } catch (error) {
    return {
      section: {
        title,
        findings: [{ label: 'found', value: 'none' }],
        problems: [messageOf(error)],
      },
      printed: false,
    };
  }
  const findings: Finding[] = [
    { label: 'path', value: found.executablePath },
    { label: 'kind', value: browserKind(found) },
    { label: 'chosen by', value: SOURCES[found.source] },
    { label: 'version', value: browserVersion(found.executablePath) },
  ];
  if (!fontsReadable) return { section: { title, findings, problems: [] }, printed: false };
  const test = await printTestPage(found.executablePath, options.env);
  findings.push({ label: 'test page', value: test.summary });
  return {
    section: { title, findings, problems: test.problem ? [test.problem] : [] },
    printed: test.problem === undefined,
  };
}

const SOURCES: Record<FoundChromium['source'], string> = {
  option: 'the --chromium option',
  env: 'the HANDOUT_CHROMIUM or PUPPETEER_EXECUTABLE_PATH environment variable',
  puppeteer: 'found among the browsers puppeteer downloaded',
  system: 'found among the browsers installed on this computer',
};

/** The old headless shell starts and prints about twice as fast as a full browser. */
function browserKind(found: FoundChromium): string {
  const kind =
    found.headless === 'shell' ? 'headless shell' : 'full Chromium or Chrome (new headless mode)';
  return found.source === 'puppeteer' ? `${kind}, downloaded by puppeteer` : kind;
}

function browserVersion(executablePath: string): string {
  const result = spawnSync(executablePath, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  const line = result.stdout?.trim().split('\n')[0];
  return result.status === 0 && line ? line : 'unknown (it did not answer --version)';
}

/** Prints one page in every bundled script, as a run would, and checks its fonts. */
async function printTestPage(
  executablePath: string,
  env: Record<string, string | undefined>,
): Promise<{ summary: string; problem?: string }> {
  const folder = await mkdtemp(path.join(tmpdir(), 'handout-doctor-'));
  try {
    const html = testPage();
    const { files, css } = fontAssets([html]);
    await mkdir(path.join(folder, 'fonts'));
    await writeFile(path.join(folder, 'fonts.css'), css);
    await Promise.all(
      files.map((file) => copyFile(file.source, path.join(folder, 'fonts', file.name))),
    );
    const [{ withPrinter }, { readEmbeddedFonts }] = await Promise.all([
      import('../pdf/printer.js'),
      import('../pdf/embedded-fonts.js'),
    ]);
    const started = performance.now();
    const [printed] = await withPrinter({ executablePath, env, fileRoots: [folder] }, (printer) =>
      printer.printAll([
        {
          name: 'doctor test page',
          html,
          baseUrl: pathToFileURL(folder + path.sep).href,
          title: 'handout doctor',
          date: new Date(Date.UTC(2000, 0, 1)),
        },
      ]),
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const fonts = [...new Set((await readEmbeddedFonts(printed!.pdf)).map((font) => font.name))];
    const prefixes = bundledFamilies().map((family) => family.family.replaceAll(' ', ''));
    const foreign = fonts.filter((name) => !prefixes.some((prefix) => name.startsWith(prefix)));
    const summary = `printed in ${seconds} s (${SCRIPT_SAMPLES.length} scripts), embedding ${fonts.join(', ')}`;
    if (foreign.length === 0) return { summary };
    return {
      summary,
      problem: `The test page took ${foreign.join(', ')} from this computer instead of the bundled fonts: reinstall handout's packages with "npm ci"; if that does not help, this is a bug in handout.`,
    };
  } catch (error) {
    return {
      summary: 'failed',
      problem: `The browser could not print a test page: ${messageOf(error)}\n${CHROMIUM_INSTALL_HELP.replace(/^[^\n]*\n/, 'Install a working one:\n')}`,
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function testPage(): string {
  const words = SCRIPT_SAMPLES.map(([, sample]) => `<span>${sample}</span>`).join(' ');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>handout doctor</title>
<link rel="stylesheet" href="fonts.css"><style>html { font-family: var(--serif); } b { font-family: var(--sans); }</style>
</head><body><p>${words}</p><p><b>${words}</b></p></body></html>`;
}

export function formatDiagnosis(diagnosis: Diagnosis): string {
  const lines: string[] = [];
  for (const section of diagnosis.sections) {
    lines.push(section.title);
    const width = Math.max(0, ...section.findings.map((finding) => finding.label.length));
    for (const finding of section.findings) {
      lines.push(`  ${finding.label.padEnd(width)}  ${finding.value}`);
    }
    for (const problem of section.problems) {
      lines.push(
        ...problem.split('\n').map((line, i) => (i === 0 ? `  ! ${line}` : `    ${line}`)),
      );
    }
    lines.push('');
  }
  lines.push(
    diagnosis.canPrint
      ? 'All set: handout can build and print here.'
      : 'handout cannot print here yet: do what the lines marked "!" say, then run "handout doctor" again.',
  );
  return lines.join('\n') + '\n';
}
