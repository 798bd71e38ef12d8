/**
 * The frame every command that writes documents shares: open the project,
 * start the browser (only if PDFs are wanted) while the bank loads and is
 * checked, let the command plan its outputs, then produce and write them.
 */
import type { Io } from '../cli/io.js';
import { requireContent, type Content } from '../content.js';
import type { ProblemList } from '../errors.js';
import { openProject } from '../project.js';
import { outputDir, type OutputOptions } from './options.js';
import type { BuildPlan } from './plan.js';
import { withPrinting } from './produce.js';
import { runPlan } from './run.js';

export interface Planned {
  plan: BuildPlan;
  /** The command as typed, for the manifest: significant flags only, no machine paths. */
  command: string;
  /** Input files outside the project's folders (a roster given on the command line). */
  extraInputs?: string[];
}

export interface PlanContext {
  content: Content;
  problems: ProblemList;
}

/**
 * `printing`: whether the run makes PDFs (the caller has parsed its own
 * flags first, so a mistyped flag fails before anything starts).
 */
export async function generate(
  options: Omit<OutputOptions, 'format'>,
  io: Io,
  printing: boolean,
  plan: (context: PlanContext) => Promise<Planned> | Planned,
): Promise<number> {
  const project = openProject(options.project, io.cwd);
  const quiet = options.quiet ?? false;
  const chromium = options.chromium ? { chromium: options.chromium } : {};
  return withPrinting(printing, { io, quiet, ...chromium }, async (printer) => {
    const { content, problems } = await requireContent(project);
    const planned = await plan({ content, problems });
    await runPlan(project, planned.plan, {
      io,
      outDir: outputDir(project, options.out, io.cwd),
      command: planned.command,
      quiet,
      ...chromium,
      ...(printer ? { printer } : {}),
      ...(planned.extraInputs ? { extraInputs: planned.extraInputs } : {}),
    });
    return 0;
  });
}

/** "handout quiz unit --seed 7": the words of a command, empty ones left out. */
export function commandLine(...words: (string | false | undefined)[]): string {
  return words.filter(Boolean).join(' ');
}
