/**
 * `handout scan --quiz ID SCANS...`: reads scanned answer sheets (PDFs from
 * a copier, PNG or JPEG files), writes out/scans/<quiz-id>/responses.csv
 * for handout grade and review.html, and keeps the teacher's corrections in
 * <quiz-id>.corrections.yaml next to the first scan file. Exit status 1
 * while any reading is in doubt, unless --accept-doubtful.
 */
import path from 'node:path';
import type { Command } from 'commander';
import type { Io } from '../terminal/io.js';
import { HandoutError } from '../errors.js';
import type { CommandContext } from './context.js';
import { PROJECT_OPTION, parseCount, parseSeed, type OutputOptions } from './options.js';

export interface ScanOptions extends OutputOptions {
  quiz: string;
  seed?: string;
  versions?: string;
  roster?: string;
  corrections?: string;
  acceptDoubtful?: boolean;
}

export function registerScan(program: Command, context: CommandContext): void {
  program
    .command('scan')
    .description(
      'read scanned answer sheets: responses.csv for handout grade, and a review page for anything unclear',
    )
    .argument('<scans...>', 'PDF files from a scanner or copier, or PNG/JPEG images of sheets')
    .requiredOption('--quiz <quiz-id>', 'the quiz the sheets belong to')
    .option('--seed <n>', "the seed the copies were printed with (default: the blueprint's)")
    .option('--versions <n>', "how many versions were printed (default: the blueprint's)")
    .option(
      '--roster <file.csv>',
      "the roster personal copies were printed for (default: the blueprint's)",
    )
    .option(
      '--corrections <file.yaml>',
      'the corrections file (default: <quiz-id>.corrections.yaml next to the first scan)',
    )
    .option(
      '--accept-doubtful',
      "write responses.csv with handout's proposals for the readings still in doubt",
    )
    .option(...PROJECT_OPTION)
    .option('--out <dir>', 'write into this folder instead of out/')
    .option('--quiet', 'print nothing but errors and the one-line summaries')
    .addHelpText(
      'after',
      '\nExamples:\n  $ handout scan --quiz missile-defense-unit scans/period-2.pdf\n  $ handout scan --quiz missile-defense-unit photos/*.jpg --accept-doubtful',
    )
    .action(async (scans: string[], options: ScanOptions) => {
      context.setExit(await scanCommand(scans, options, context.io));
    });
}

export async function scanCommand(scans: string[], options: ScanOptions, io: Io): Promise<number> {
  const seedFlag = parseSeed(options.seed);
  const versionsFlag = parseCount(options.versions, '--versions', 26);
  const files = scans.map((name) => ({ path: path.resolve(io.cwd, name), name }));
  const [
    { existsSync },
    { mkdtemp, readFile, rm },
    { tmpdir },
    { stringify },
    { commandLine, generate },
    { findBlueprint, DEFAULT_ID_DIGITS },
    { loadRoster },
    { regenerateCopies, itemCount },
    { scanPages },
    { collate },
    { loadCorrections, appendDoubts },
    { renderReview, responsesRows, PICTURES_FOLDER },
    { templateEnvironment },
    { emptyPlan, assetsUrlFor },
    { relativeTo },
    { plural },
  ] = await Promise.all([
    import('node:fs'),
    import('node:fs/promises'),
    import('node:os'),
    import('csv-stringify/sync'),
    import('../produce/generate.js'),
    import('../quiz/blueprint.js'),
    import('../quiz/roster.js'),
    import('../grade/copies.js'),
    import('../scan/sources.js'),
    import('../scan/collate.js'),
    import('../scan/corrections.js'),
    import('../scan/review.js'),
    import('../render/env.js'),
    import('../produce/plan.js'),
    import('../terminal/report.js'),
    import('../util/text.js'),
  ]);
  for (const file of files)
    if (!existsSync(file.path))
      throw new HandoutError(`the scan file ${file.name} does not exist; check the path`, {
        code: 'scan-missing-file',
      });
  let open = 0;
  let empty = false;
  const lines: string[] = [];
  // The review page's pictures wait here, written as pages are read, until the run writes out/.
  const pictures = await mkdtemp(path.join(tmpdir(), 'handout-review-'));
  try {
    await generate(options, io, false, async ({ content, outDir }) => {
      const project = content.project;
      const blueprint = findBlueprint(
        content.blueprints,
        options.quiz,
        relativeTo(io.cwd, project.quizzesDir),
      );
      const seed = seedFlag ?? blueprint.seed;
      const rosterFile = options.roster ? path.resolve(io.cwd, options.roster) : blueprint.roster;
      const students = rosterFile ? await loadRoster(rosterFile) : undefined;
      const copies = regenerateCopies(content.bank.questions, blueprint, seed, {
        versions: versionsFlag ?? blueprint.versions,
        ...(students ? { students } : {}),
      });
      const correctionsFile = options.corrections
        ? path.resolve(io.cwd, options.corrections)
        : path.join(path.dirname(files[0]!.path), `${blueprint.id}.corrections.yaml`);
      const corrections = await loadCorrections(correctionsFile);
      // Scans are named relative to the corrections file, so its keys stay valid wherever handout runs.
      const named = files.map((f) => ({
        path: f.path,
        name: path.relative(path.dirname(correctionsFile), f.path).split(path.sep).join('/'),
      }));
      const result = await collate(
        {
          quizId: blueprint.id,
          seed,
          copies,
          idDigits: blueprint.answerSheet?.idDigits ?? DEFAULT_ID_DIGITS,
          corrections: corrections.answers,
          listed: corrections.keys,
          correctionsAt: { file: correctionsFile, lines: corrections.lines },
        },
        scanPages(named),
        pictures,
      );
      open = result.doubts.length;
      empty = result.copies.length === 0;
      const added = await appendDoubts(corrections, blueprint.id, result.doubts);
      for (const f of result.files) {
        lines.push(
          `${f.file}: ${plural(f.pages, 'page')}, ${plural(f.sheets, 'sheet')} read${f.blank ? `, ${f.blank} blank` : ''}${f.setAside ? `, ${f.setAside} set aside` : ''}, ${f.doubts ? `${plural(f.doubts, 'doubt')} to review` : 'no doubts'}\n`,
        );
      }
      for (const p of result.setAside)
        lines.push(`  set aside: ${p.file} page ${p.page}: ${p.reason}\n`);
      for (const d of result.doubts)
        lines.push(`  to review: ${d.file}${d.page ? ` page ${d.page}` : ''}: ${d.problem}\n`);
      for (const n of result.notes) lines.push(`  note: ${n}\n`);
      const unidentified = result.copies.flatMap((c) => (c.unidentified ? [c] : []));
      if (unidentified.length > 0 && options.acceptDoubtful)
        lines.push(
          `${plural(unidentified.length, 'copy', 'copies')} with no student ID, each graded on its own under its version letter: ${unidentified.map((c) => `version ${c.copy.version} (${c.unidentified!.file} page ${c.unidentified!.page})`).join(', ')}; write their IDs in the corrections file to name them\n`,
        );
      const folder = `scans/${blueprint.id}`;
      const correctionsName = relativeTo(io.cwd, correctionsFile);
      const plan = emptyPlan();
      plan.seeds[blueprint.id] = seed;
      const reviewPath = `${folder}/review.html`;
      plan.documents.push({
        path: reviewPath,
        render: () =>
          renderReview(templateEnvironment(project.templateDirs), {
            blueprint,
            seed,
            result,
            correctionsFile: correctionsName,
            assetsUrl: assetsUrlFor(reviewPath),
            ...(students ? { roster: students } : {}),
          }),
        title: `Scan review — ${blueprint.title}`,
        writeHtml: true,
        writePdf: false,
        dateSeed: seed,
        kind: 'scan review',
      });
      // Only this run's pictures, review and responses: an earlier run's
      // pictures would show pages that are not in it, and its responses.csv,
      // left while this run's doubts are open, would be graded as this one's.
      plan.owned.push(
        { folder, names: /^(?:review\.html|responses\.csv)$/ },
        { folder: `${folder}/${PICTURES_FOLDER}`, names: /^/, silent: true },
      );
      const shown = [...result.doubts, ...result.setAside].flatMap((d) =>
        d.picture ? [d.picture] : [],
      );
      for (const name of shown)
        plan.files.push({
          path: `${folder}/${PICTURES_FOLDER}/${name}`,
          data: () => readFile(path.join(pictures, name)),
          kind: 'scan review picture',
        });
      const none = result.copies.length === 0;
      if (none)
        lines.push(
          `no answer sheet of quiz ${blueprint.id} (seed ${seed}) was found in ${plural(files.length, 'file')}; check that these are the scans of its answer sheets, printed with answer_sheet: true\n`,
        );
      if (!none && (open === 0 || options.acceptDoubtful)) {
        plan.files.push({
          path: `${folder}/responses.csv`,
          data: stringify(responsesRows(result, itemCount(copies), students)),
          kind: 'responses',
        });
      }
      if (open > 0) {
        lines.push(
          `${plural(open, 'reading')} in doubt${added ? ` (${added} new in ${correctionsName})` : ''}: see ${relativeTo(io.cwd, outDir)}/${folder}/review.html, write the answers in ${correctionsName} and scan again${options.acceptDoubtful ? "; responses.csv uses handout's proposals for them" : ''}.\n`,
        );
      }
      const command = commandLine(
        'handout scan',
        `--quiz ${blueprint.id}`,
        seedFlag !== undefined && `--seed ${seedFlag}`,
        versionsFlag !== undefined && `--versions ${versionsFlag}`,
        options.acceptDoubtful && '--accept-doubtful',
        ...files.map((f) => path.basename(f.path)),
      );
      return {
        plan,
        command,
        extraInputs: [
          ...files.map((f) => f.path),
          ...(corrections.exists ? [correctionsFile] : []),
        ],
      };
    });
  } finally {
    await rm(pictures, { recursive: true, force: true });
  }
  for (const line of lines) io.stdout(line);
  return empty || (open > 0 && !options.acceptDoubtful) ? 1 : 0;
}
