/**
 * The command line: the program, its commands in the order help lists
 * them, and how errors become exit codes. Each command is one file in
 * commands/ (its flags, typed options and handler); handlers import their
 * implementation lazily, so `handout --help` or `handout lint` never pay for
 * the browser or the exporters.
 */
import { Command, CommanderError } from 'commander';
import { HandoutError } from '../errors.js';
import { handoutVersion } from '../version.js';
import { processIo, type Io } from '../terminal/io.js';
import { formatProblems } from '../terminal/report.js';
import type { CommandContext } from '../commands/context.js';
import { registerLint } from '../commands/lint.js';
import { registerStats } from '../commands/stats.js';
import { registerInit } from '../commands/init.js';
import { registerBuild } from '../commands/build.js';
import { registerQuiz } from '../commands/quiz.js';
import { registerExport } from '../commands/export.js';
import { registerBriefing } from '../commands/briefing.js';
import { registerGrade } from '../commands/grade.js';
import { registerCorpus } from '../commands/corpus.js';
import { registerScan } from '../commands/scan.js';
import { registerPreview } from '../commands/preview.js';
import { registerDoctor } from '../commands/doctor.js';

export const EXIT = { ok: 0, failed: 1, usage: 2, bug: 70, interrupted: 130 } as const;

export function buildProgram(context: CommandContext): Command {
  const program = new Command('handout')
    .description(
      'Briefings, seeded quizzes with answer keys, and LMS exports from a passage-keyed question bank.',
    )
    .version(handoutVersion(), '-V, --version', 'print the version')
    .option('--debug', DEBUG)
    // The program's own options only before a command's name: after it,
    // `--version` is `handout briefing --version A` (one version's pack),
    // not a request for handout's version number.
    .enablePositionalOptions()
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.io.stdout(text),
      writeErr: (text) => context.io.stderr(text),
    })
    .addHelpText(
      'after',
      '\nExamples:\n  $ handout lint\n  $ handout build\n  $ handout init my-unit\n\nRun "handout <command> --help" for a command\'s options and an example.',
    );
  registerLint(program, context);
  registerStats(program, context);
  registerInit(program, context);
  registerBuild(program, context);
  registerQuiz(program, context);
  registerExport(program, context);
  registerBriefing(program, context);
  registerGrade(program, context);
  registerScan(program, context);
  registerCorpus(program, context);
  registerPreview(program, context);
  registerDoctor(program, context);
  for (const command of program.commands) {
    command.exitOverride().showSuggestionAfterError(true);
    // --debug is read from the whole command line (run), so it may come after the command too.
    for (const each of [command, ...command.commands]) each.option('--debug', DEBUG);
  }
  return program;
}

const DEBUG = 'show the cause of errors and internal details';

/** Runs the CLI and returns the exit code; never calls process.exit. */
export async function run(argv: string[], io: Io = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const context: CommandContext = { io, setExit: (code) => (exitCode = Math.max(exitCode, code)) };
  const program = buildProgram(context);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, io, argv.includes('--debug'));
  }
}

function reportError(error: unknown, io: Io, debug: boolean): number {
  if (error instanceof CommanderError) {
    // Commander has already printed the message (or the help text).
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof HandoutError) {
    if (error.problems.length > 0) io.stderr(formatProblems(error.problems, io.cwd));
    io.stderr(`handout: ${error.message}\n`);
    if (debug)
      for (let cause = error.cause; cause; cause = (cause as Error).cause)
        io.stderr(`  caused by: ${String((cause as Error).stack ?? cause)}\n`);
    return EXIT.failed;
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr(
    `handout: internal error (this is a bug in handout, not in your files; please report it with the text below)\n${stack}\n`,
  );
  return EXIT.bug;
}
