/** Runs a plan through the writer and reports what was written. */
import type { Io } from '../terminal/io.js';
import { relativeTo } from '../terminal/report.js';
import type { Project } from '../project.js';
import { removeStaleProfilesOnce } from '../pdf/profile.js';
import { withWriter } from '../write/writer.js';
import type { WrittenFile } from '../write/written-file.js';
import { addManifest, inputHashes } from '../write/manifest.js';
import type { BuildPlan } from './plan.js';
import type { RunPrinter } from './printer.js';
import { produce } from './produce.js';
import { summaryTable } from './summary.js';
import { handoutVersion } from '../version.js';

export interface RunPlanOptions {
  io: Io;
  outDir: string;
  /** The command as the user typed it (for the manifest). */
  command: string;
  quiet: boolean;
  /** Extra input files (a roster named on the command line). */
  extraInputs?: string[];
  /** The run's printer (see withRunPrinter). */
  printer: RunPrinter;
}

export async function runPlan(
  project: Project,
  plan: BuildPlan,
  options: RunPlanOptions,
): Promise<WrittenFile[]> {
  if (!options.quiet)
    for (const warning of plan.warnings) options.io.stderr(`warning: ${warning}\n`);
  // Neither is needed before the manifest, written last: printing does not wait for them.
  const inputs = inputHashes(project, options.extraInputs ?? []);
  // A run killed outright (kill -9) leaves its browser's profile behind, as it leaves its
  // staging folder. The same clean-up as the browser's launch, if it started one: once a run.
  const cleaned = removeStaleProfilesOnce();
  // Awaited below; a run that fails meanwhile must not report them as unhandled.
  inputs.catch(() => undefined);
  const { result, files, removed } = await withWriter(
    options.outDir,
    async (writer) => {
      for (const owned of plan.owned) writer.own(owned.folder, owned.names, owned);
      writer.retire(plan.retired ?? []);
      const produced = await produce(plan, writer, { io: options.io, printer: options.printer });
      await addManifest(
        writer,
        { command: options.command, seeds: plan.seeds, generator: `handout ${handoutVersion()}` },
        await inputs,
      );
      return produced;
    },
    options.io.onInterrupt,
  );
  await cleaned;
  if (!options.quiet)
    options.io.stdout(
      summaryTable(
        files,
        result.kinds,
        result.pages,
        relativeTo(options.io.cwd, options.outDir) + '/',
        removed,
      ),
    );
  return files;
}
