/**
 * The frame every command that writes documents shares: open the project,
 * own the run's one printer (its browser starting at once when PDFs are
 * wanted, so it launches while the bank loads and is checked), let the
 * command plan its outputs, then produce and write them.
 */
import path from 'node:path';
import type { Io } from '../terminal/io.js';
import { requireContent, type Content } from '../content.js';
import type { ProblemList } from '../errors.js';
import { openProject, type Project } from '../project.js';
import type { BuildPlan } from './plan.js';
import { withRunPrinter } from './printer.js';
import { runPlan } from './run.js';
import { YamlCache } from '../util/yaml-cache.js';
import { handoutVersion } from '../version.js';

export interface Planned {
  plan: BuildPlan;
  /** The command as typed, for the manifest: significant flags only, no machine paths. */
  command: string;
  /** Input files outside the project's folders (a roster given on the command line). */
  extraInputs?: string[];
  /** What the teacher should know about the run, printed after the table of written files. */
  notes?: string[];
}

/** The flags the frame itself reads; each command parses its own on top. */
export interface FrameOptions {
  project?: string;
  out?: string;
  quiet?: boolean;
  /** --chromium PATH, if given. */
  chromium?: string;
}

export interface PlanContext {
  content: Content;
  problems: ProblemList;
  /** Where the run writes (--out or the project's out/). */
  outDir: string;
}

/**
 * `printing`: whether the run makes PDFs, so the browser is worth starting
 * before the plan exists (the caller has parsed its own flags first, so a
 * mistyped flag fails before anything starts). `lintWarnings`: whether the
 * command tells the teacher about lint warnings (build counts them); the
 * others only need to know there are no errors, and skip the warning rules.
 */
export async function generate(
  options: FrameOptions,
  io: Io,
  printing: boolean,
  plan: (context: PlanContext) => Promise<Planned> | Planned,
  { lintWarnings = false }: { lintWarnings?: boolean } = {},
): Promise<number> {
  const project = openProject(options.project, io.cwd);
  const quiet = options.quiet ?? false;
  const outDir = outputDir(project, options.out, io.cwd);
  const chromium = options.chromium ? { chromium: options.chromium } : {};
  return withRunPrinter({ io, quiet, ...chromium }, async (printer) => {
    // Loading puppeteer and the bank both keep Node's one thread busy: puppeteer
    // first, so that the browser starts in its own processes while the bank loads.
    if (printing) await printer.warmUp();
    // The bank's YAML as read by earlier runs, while its files are unchanged.
    const yamlCache = await YamlCache.open(handoutVersion());
    const { content, problems } = await requireContent(project, {
      warnings: lintWarnings,
      ...(yamlCache ? { yamlCache } : {}),
    });
    // Written while the run goes on; only new readings (after an edit) are written at all.
    const cacheSaved = yamlCache?.save();
    const planned = await plan({ content, problems, outDir });
    await runPlan(project, planned.plan, {
      io,
      outDir,
      command: planned.command,
      quiet,
      printer,
      ...(planned.extraInputs ? { extraInputs: planned.extraInputs } : {}),
    });
    if (!quiet) for (const note of planned.notes ?? []) io.stdout(`${note}\n`);
    await cacheSaved;
    return 0;
  });
}

/** --out DIR (relative to where handout runs), or the project's out/. */
export function outputDir(project: Project, out: string | undefined, cwd: string): string {
  return out === undefined ? project.outDir : path.resolve(cwd, out);
}

/** "handout quiz unit --seed 7": the words of a command, empty ones left out. */
export function commandLine(...words: (string | false | undefined)[]): string {
  return words.filter(Boolean).join(' ');
}
