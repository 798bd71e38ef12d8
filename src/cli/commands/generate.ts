/** The commands that generate files: build, quiz, briefing. */
import type { Command } from 'commander';
import { PROJECT_OPTION, type CommandContext } from '../context.js';

const OUTPUT_OPTIONS: [string, string][] = [
  ['--out <dir>', 'write into this folder instead of out/'],
  ['--format <list>', 'html, pdf or html,pdf (default html,pdf)'],
  ['--quiet', 'print nothing but errors'],
  [
    '--chromium <path>',
    "the Chromium or Chrome to print with (default: HANDOUT_CHROMIUM, then puppeteer's, then the system's)",
  ],
];

function withOutputOptions(command: Command): Command {
  command.option(...PROJECT_OPTION);
  for (const [flags, description] of OUTPUT_OPTIONS) command.option(flags, description);
  return command;
}

export function registerGenerate(program: Command, context: CommandContext): void {
  withOutputOptions(
    program
      .command('build')
      .description(
        'build every quiz (versions, keys, class packs), briefing and export of the project into out/',
      ),
  )
    .addHelpText(
      'after',
      '\nExample:\n  $ handout build\n  $ handout build --format html --out /tmp/preview',
    )
    .action(async (options) => {
      const { buildCommand } = await import('../../build/command.js');
      context.setExit(await buildCommand(options, context.io));
    });

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
        '--answer-sheet',
        'add a bubble answer sheet after the questions of every copy, for handout scan',
      ),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  $ handout quiz missile-defense-unit --versions 3 --seed 7\n  $ handout quiz missile-defense-unit --roster class-9b.csv --duplex\n  $ handout quiz missile-defense-unit --answer-sheet',
    )
    .action(async (quizId: string, options) => {
      const { quizCommand } = await import('../../build/quiz-command.js');
      context.setExit(await quizCommand(quizId, options, context.io));
    });

  program
    .command('export')
    .description(
      'export the bank (or one quiz) for Moodle, GIFT, Canvas (QTI 1.2), Auto Multiple Choice, CSV and JSON',
    )
    .option(...PROJECT_OPTION)
    .option(
      '--format <list>',
      `comma-separated: moodle, gift, qti, amc, csv, json or all (default all)`,
    )
    .option(
      '--quiz <quiz-id>',
      'export this quiz (sections become question groups; keys of its versions) instead of the whole bank',
    )
    .option('--seed <n>', 'with --quiz, the seed of the copies whose keys are exported')
    .option(
      '--out <dir>',
      'write into this folder instead of out/ (files go to exports/ inside it)',
    )
    .option('--quiet', 'print nothing but errors')
    .addHelpText(
      'after',
      '\nExamples:\n  $ handout export --format moodle,qti\n  $ handout export --quiz missile-defense-unit --format csv',
    )
    .action(async (options) => {
      const { exportCommand } = await import('../../build/export-command.js');
      context.setExit(await exportCommand(options, context.io));
    });

  withOutputOptions(
    program
      .command('briefing')
      .description(
        'build a briefing (reading handout), or an open-book pack for a quiz with --for-quiz',
      )
      .argument('[briefing-id]', 'a briefing in questions/briefings/ (default: the only one)')
      .option('--articles <ids>', 'only these articles, comma-separated')
      .option('--tags <tags>', 'only articles with any of these tags')
      .option('--edition <edition>', 'student, teacher or student,teacher (default: both)')
      .option('--paper <size>', 'letter or a4')
      .option('--for-quiz <quiz-id>', 'an open-book pack: only the passages that quiz cites')
      .option('--seed <n>', "with --for-quiz, the quiz seed (default: the blueprint's)")
      .option('--version <letter>', 'with --for-quiz, one version only (default: all)'),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  $ handout briefing --edition student\n  $ handout briefing --articles russia-wants-guarantees-2011,grushko-russia-nato-2010\n  $ handout briefing --for-quiz missile-defense-unit --version A',
    )
    .action(async (id: string | undefined, options) => {
      const { briefingCommand } = await import('../../briefing/command.js');
      context.setExit(await briefingCommand(id, options, context.io));
    });

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
    .action(async (responses: string, options) => {
      const { gradeCommand } = await import('../../grade/command.js');
      context.setExit(await gradeCommand(responses, options, context.io));
    });
}
