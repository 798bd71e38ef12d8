/** `handout quiz <id>`: one quiz's versions, or a class pack from a roster. */
import path from 'node:path';
import type { Command } from 'commander';
import type { Io } from '../terminal/io.js';
import { DEFAULT_ID_DIGITS, type Blueprint } from '../quiz/blueprint.js';
import type { CommandContext } from './context.js';
import { formatProblems } from '../terminal/report.js';
import {
  parseCount,
  parseFormats,
  parsePaper,
  parseSeed,
  withOutputOptions,
  type OutputOptions,
  quizzesFolder,
} from './options.js';

export interface QuizOptions extends OutputOptions {
  seed?: string;
  versions?: string;
  roster?: string;
  paper?: string;
  split?: boolean;
  duplex?: boolean;
  fullKeys?: boolean;
  answerSheet?: boolean;
}

export function registerQuiz(program: Command, context: CommandContext): void {
  withOutputOptions(
    program
      .command('quiz')
      .description(
        'build one quiz: its versions with answer keys, or one copy per student from a roster',
      )
      .argument('<quiz-id>', 'a blueprint in questions/quizzes/')
      .option(
        '--seed <n>',
        "the seed (default: the blueprint's); the same seed gives the same quiz",
      )
      .option('--versions <n>', "how many versions, A, B, ... (default: the blueprint's)")
      .option('--roster <file.csv>', 'one copy per student from a class roster (columns id, name)')
      .option('--paper <size>', "letter or a4 (default: the blueprint's)")
      .option('--split', 'with --roster, also write one PDF per student and per key')
      .option(
        '--duplex',
        'with --roster, start every copy on an odd page for double-sided printing',
      )
      .option(
        '--full-keys',
        'with --roster, one full answer key per copy instead of a marking grid per copy and one explanations booklet',
      )
      .option(
        '--answer-sheet',
        'add a bubble answer sheet after the questions of every copy, for handout scan',
      ),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  $ handout quiz missile-defense-unit --versions 3 --seed 7\n  $ handout quiz missile-defense-unit --roster class-9b.csv --duplex\n  $ handout quiz missile-defense-unit --answer-sheet',
    )
    .action(async (quizId: string, options: QuizOptions) => {
      context.setExit(await quizCommand(quizId, options, context.io));
    });
}

export async function quizCommand(quizId: string, options: QuizOptions, io: Io): Promise<number> {
  const seedFlag = parseSeed(options.seed);
  const versionsFlag = parseCount(options.versions, '--versions', 26);
  const paper = options.paper ? parsePaper(options.paper) : undefined;
  const rosterFile = options.roster ? path.resolve(io.cwd, options.roster) : undefined;
  const formats = parseFormats(options.format);
  const [{ commandLine, generate }, { planQuiz }, { readClassRoster }, { findBlueprint }] =
    await Promise.all([
      import('../produce/generate.js'),
      import('../produce/quiz-plan.js'),
      import('../produce/class-roster.js'),
      import('../quiz/blueprint.js'),
    ]);
  return generate(options, io, formats.includes('pdf'), async ({ content }) => {
    const found = findBlueprint(content.blueprints, quizId, quizzesFolder(content.project, io.cwd));
    const blueprint: Blueprint = {
      ...found,
      ...(paper ? { paper } : {}),
      ...(options.answerSheet && !found.answerSheet
        ? { answerSheet: { idDigits: DEFAULT_ID_DIGITS } }
        : {}),
    };
    const roster = rosterFile ? await readClassRoster(rosterFile) : undefined;
    if (roster && !options.quiet) io.stderr(formatProblems(roster.warnings, io.cwd));
    const plan = planQuiz(content, blueprint, {
      seed: seedFlag ?? blueprint.seed,
      formats,
      versions: versionsFlag ?? blueprint.versions,
      ...(roster ? { roster } : {}),
      versionsWithRoster: false,
      split: options.split ?? false,
      duplex: options.duplex ?? blueprint.duplex,
      fullKeys: options.fullKeys ?? false,
      shareThreads: true,
    });
    const command = commandLine(
      'handout quiz',
      quizId,
      seedFlag !== undefined && `--seed ${seedFlag}`,
      versionsFlag !== undefined && `--versions ${versionsFlag}`,
      rosterFile && `--roster ${path.basename(rosterFile)}`,
      paper && `--paper ${paper}`,
      options.split && '--split',
      options.duplex && '--duplex',
      options.fullKeys && '--full-keys',
      options.answerSheet && '--answer-sheet',
      options.format !== undefined && `--format ${formats.join(',')}`,
    );
    return { plan, command, ...(rosterFile ? { extraInputs: [rosterFile] } : {}) };
  });
}
