/**
 * `handout grade --quiz ID [--seed N] RESPONSES.csv`: regenerates the
 * quiz's copies from the seed, reads and checks every response, scores
 * each copy, analyses the items and writes out/grades/<quiz-id>/
 * (scores.csv, report.html, report.pdf) through the same plan, printer and
 * writer as `handout build`. Nothing is written while any row is invalid,
 * unless --skip-invalid leaves those rows out.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { Io } from '../terminal/io.js';
import { HandoutError } from '../errors.js';
import type { ClassAnalysis } from '../grade/analysis.js';
import type { ReadResponses } from '../grade/responses.js';
import { formatProblems, relativeTo } from '../terminal/report.js';
import { plural } from '../util/text.js';
import type { CommandContext } from './context.js';
import {
  parseCount,
  parseFormats,
  parseSeed,
  withOutputOptions,
  type OutputOptions,
  quizzesFolder,
} from './options.js';

export interface GradeOptions extends OutputOptions {
  /** Quiz id (the blueprint's file name without .yaml). Required. */
  quiz: string;
  /** Seed the copies were printed with; default the blueprint's. */
  seed?: string;
  /** Versions printed, if `--versions` was given when printing. */
  versions?: string;
  /** Roster the personal copies were printed for; default the blueprint's. */
  roster?: string;
  /** Grade the valid rows and list the others, instead of refusing. */
  skipInvalid?: boolean;
}

export function registerGrade(program: Command, context: CommandContext): void {
  withOutputOptions(
    program
      .command('grade')
      .description(
        "score students' responses to a quiz: scores.csv and an item-analysis report (HTML and PDF)",
      )
      .argument(
        '<responses.csv>',
        'one row per copy: id, version, then the answer to each item (see docs/grading.md)',
      )
      .requiredOption(
        '--quiz <quiz-id>',
        'the quiz the responses answer (a blueprint in questions/quizzes/)',
      )
      .option('--seed <n>', "the seed the copies were printed with (default: the blueprint's)")
      .option('--versions <n>', "how many versions were printed (default: the blueprint's)")
      .option(
        '--roster <file.csv>',
        "the roster personal copies were printed for (default: the blueprint's)",
      )
      .option(
        '--skip-invalid',
        'grade the valid rows and list the invalid ones, instead of writing nothing',
      ),
  )
    .addHelpText(
      'after',
      '\nExample:\n  $ handout grade --quiz missile-defense-unit questions/responses/missile-defense-unit.csv',
    )
    .action(async (responses: string, options: GradeOptions) => {
      context.setExit(await gradeCommand(responses, options, context.io));
    });
}

export async function gradeCommand(
  responsesFile: string,
  options: GradeOptions,
  io: Io,
): Promise<number> {
  const formats = parseFormats(options.format);
  const seedFlag = parseSeed(options.seed);
  const versionsFlag = parseCount(options.versions, '--versions', 26);
  const [
    { commandLine, generate },
    { findBlueprint },
    { loadRoster },
    { regenerateCopies },
    { readResponses },
    { scoreSheet },
    { analyseClass },
    { gradePlan, gradesFolder, projectPath },
  ] = await Promise.all([
    import('../produce/generate.js'),
    import('../quiz/blueprint.js'),
    import('../quiz/roster.js'),
    import('../grade/copies.js'),
    import('../grade/responses.js'),
    import('../grade/score.js'),
    import('../grade/analysis.js'),
    import('../produce/grade-plan.js'),
  ]);
  let summary = '';
  await generate(options, io, formats.includes('pdf'), async ({ content, outDir }) => {
    const project = content.project;
    const blueprint = findBlueprint(
      content.blueprints,
      options.quiz,
      quizzesFolder(project, io.cwd),
    );
    const seed = seedFlag ?? blueprint.seed;
    const rosterFile = options.roster ? path.resolve(io.cwd, options.roster) : blueprint.roster;
    const students = rosterFile ? await loadRoster(rosterFile) : undefined;
    const copies = regenerateCopies(content.bank.questions, blueprint, seed, {
      versions: versionsFlag ?? blueprint.versions,
      ...(students ? { students } : {}),
    });

    const file = path.resolve(io.cwd, responsesFile);
    const read = readResponses(file, await readResponsesFile(file), copies);
    acceptOrRefuse(read, options.skipInvalid ?? false, io);

    const scored = read.sheets.map(scoreSheet);
    const onVersions = scored.some((s) => !s.sheet.copy.student);
    const analysis = analyseClass(scored, onVersions ? copies.versions : []);
    const plan = gradePlan(content, blueprint, {
      seed,
      formats,
      file,
      read,
      scored,
      analysis,
      copies,
    });
    const command = commandLine(
      'handout grade',
      `--quiz ${blueprint.id}`,
      seedFlag !== undefined && `--seed ${seedFlag}`,
      versionsFlag !== undefined && `--versions ${versionsFlag}`,
      options.roster && rosterFile && `--roster ${path.basename(rosterFile)}`,
      options.skipInvalid && '--skip-invalid',
      options.format && `--format ${formats.join(',')}`,
      projectPath(project, file),
    );
    summary = await gradeSummary(
      analysis,
      `${relativeTo(io.cwd, outDir)}/${gradesFolder(blueprint.id)}/`,
    );
    return { plan, command, extraInputs: [file, ...(rosterFile ? [rosterFile] : [])] };
  });
  // After the files are written: the summary says where they are.
  if (!options.quiet) io.stderr(summary);
  return 0;
}

async function readResponsesFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (cause) {
    throw new HandoutError(
      `cannot read the responses file ${file}: check the path (it is relative to the folder you run handout in)`,
      { code: 'responses-unreadable', cause },
    );
  }
}

/**
 * Invalid rows stop the run (every problem listed at once) unless
 * --skip-invalid, which lists them on stderr and grades the rest.
 */
function acceptOrRefuse(read: ReadResponses, skipInvalid: boolean, io: Io): void {
  const rows = plural(read.rejected.length, 'row');
  if (read.rejected.length > 0 && !skipInvalid) {
    throw new HandoutError(
      `${rows} of the responses ${read.rejected.length === 1 ? 'has' : 'have'} errors, so nothing was written; fix ${read.rejected.length === 1 ? 'it' : 'them'} and run again, or give --skip-invalid to grade the other rows`,
      { code: 'invalid-responses', problems: read.problems.sorted() },
    );
  }
  if (read.problems.items.length > 0) io.stderr(formatProblems(read.problems.items, io.cwd));
  if (read.rejected.length > 0) {
    io.stderr(
      `grade: left out ${rows} with errors (--skip-invalid): ${read.rejected.map((r) => `row ${r.row}`).join(', ')}\n`,
    );
  }
  if (read.sheets.length === 0) {
    throw new HandoutError(
      'no row of the responses could be graded, so nothing was written; fix the problems listed above',
      { code: 'invalid-responses' },
    );
  }
}

async function gradeSummary(analysis: ClassAnalysis, folder: string): Promise<string> {
  const { points } = await import('../grade/scores-csv.js');
  const s = analysis.summary;
  const flagged = analysis.items.filter((i) => i.flags.length > 0).length;
  const kr20 = analysis.reliability.kr20;
  return (
    `grade: ${plural(s.students, 'student')}, mean ${points(s.mean)} of ${points(s.maxPoints)} (${s.meanPercent.toFixed(1)}%)` +
    `${kr20 === null ? '' : `, KR-20 ${kr20.toFixed(2)}`}, ${plural(flagged, 'item')} flagged; report in ${folder}\n`
  );
}
