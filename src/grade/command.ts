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
import type { Io } from '../cli/io.js';
import { formatProblems, relativeTo } from '../cli/report.js';
import { requireContent, type Content } from '../content.js';
import { HandoutError } from '../errors.js';
import { openProject, type Project } from '../project.js';
import { findBlueprint, type Blueprint } from '../quiz/blueprint.js';
import { loadRoster } from '../quiz/roster.js';
import { templateEnvironment } from '../render/env.js';
import {
  outputDir,
  parseCount,
  parseFormats,
  parseSeed,
  type OutputOptions,
} from '../build/options.js';
import { assetsUrlFor, emptyPlan, type BuildPlan, type OutputFormat } from '../build/plan.js';
import { runPlan } from '../build/run.js';
import { plural } from '../util/text.js';
import { analyseClass, type ClassAnalysis } from './analysis.js';
import { regenerateCopies, type CopySet } from './copies.js';
import { passageResults } from './passages.js';
import { renderReport } from './report.js';
import { readResponses, type ReadResponses } from './responses.js';
import { scoreSheet, type ScoredSheet } from './score.js';
import { points, scoresCsv } from './scores-csv.js';

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

/** The folder under out/ a quiz's grades go to. */
export function gradesFolder(quizId: string): string {
  return `grades/${quizId}`;
}

export async function gradeCommand(
  responsesFile: string,
  options: GradeOptions,
  io: Io,
): Promise<number> {
  const project = openProject(options.project, io.cwd);
  const formats = parseFormats(options.format);
  const seedFlag = parseSeed(options.seed);
  const versionsFlag = parseCount(options.versions, '--versions', 26);
  const { content } = await requireContent(project);
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
  const command = [
    'handout grade',
    `--quiz ${blueprint.id}`,
    seedFlag !== undefined ? `--seed ${seedFlag}` : '',
    versionsFlag !== undefined ? `--versions ${versionsFlag}` : '',
    options.roster && rosterFile ? `--roster ${path.basename(rosterFile)}` : '',
    options.skipInvalid ? '--skip-invalid' : '',
    options.format ? `--format ${formats.join(',')}` : '',
    projectPath(project, file),
  ]
    .filter(Boolean)
    .join(' ');
  const outDir = outputDir(project, options.out, io.cwd);
  await runPlan(project, plan, {
    io,
    outDir,
    command,
    quiet: options.quiet ?? false,
    ...(options.chromium ? { chromium: options.chromium } : {}),
    extraInputs: [file, ...(rosterFile ? [rosterFile] : [])],
  });
  if (!options.quiet)
    io.stderr(
      gradeSummary(analysis, `${relativeTo(io.cwd, outDir)}/${gradesFolder(blueprint.id)}/`),
    );
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

/** How the responses file is named in the report and manifest: never a machine-specific path. */
function projectPath(project: Project, file: string): string {
  const relative = path.relative(project.root, file);
  return relative.startsWith('..') || path.isAbsolute(relative)
    ? path.basename(file)
    : relative.split(path.sep).join('/');
}

interface GradeRun {
  seed: number;
  formats: OutputFormat[];
  file: string;
  read: ReadResponses;
  scored: ScoredSheet[];
  analysis: ClassAnalysis;
  copies: CopySet;
}

/** The files of a grading run, for the shared writer and printer. */
export function gradePlan(content: Content, blueprint: Blueprint, run: GradeRun): BuildPlan {
  const folder = gradesFolder(blueprint.id);
  const reportPath = `${folder}/report.html`;
  const graded = new Set(
    run.scored.map((s) => s.sheet.student?.id).filter((id) => id !== undefined),
  );
  const html = renderReport(
    {
      blueprint,
      seed: run.seed,
      responsesName: projectPath(content.project, run.file),
      analysis: run.analysis,
      passages: passageResults(run.analysis.items, content.corpus),
      leftOut: run.read.rejected.map((r) => ({ row: r.row, id: r.id })),
      missing: (run.copies.roster?.students ?? [])
        .filter((s) => !graded.has(s.id))
        .map((s) => ({ id: s.id, name: s.name })),
    },
    { env: templateEnvironment(content.project.templateDirs), assetsUrl: assetsUrlFor(reportPath) },
  );
  const plan = emptyPlan();
  plan.seeds[blueprint.id] = run.seed;
  plan.files.push({
    path: `${folder}/scores.csv`,
    data: scoresCsv(run.scored, run.copies.roster !== undefined),
    kind: 'scores',
  });
  plan.documents.push({
    path: reportPath,
    html,
    title: `Grade report — ${blueprint.title}`,
    writeHtml: run.formats.includes('html'),
    writePdf: run.formats.includes('pdf'),
    dateSeed: run.seed,
    kind: 'grade report',
  });
  return plan;
}

function gradeSummary(analysis: ClassAnalysis, folder: string): string {
  const s = analysis.summary;
  const flagged = analysis.items.filter((i) => i.flags.length > 0).length;
  const kr20 = analysis.reliability.kr20;
  return (
    `grade: ${plural(s.students, 'student')}, mean ${points(s.mean)} of ${points(s.maxPoints)} (${s.meanPercent.toFixed(1)}%)` +
    `${kr20 === null ? '' : `, KR-20 ${kr20.toFixed(2)}`}, ${plural(flagged, 'item')} flagged; report in ${folder}\n`
  );
}
