/** `handout lint`: every problem in one pass, then one exit code. */
import { Option, type Command } from 'commander';
import { ProblemList } from '../errors.js';
import type { Io } from '../terminal/io.js';
import { formatProblems, problemsJson, problemSummary } from '../terminal/report.js';
import { plural } from '../util/text.js';
import type { CommandContext } from './context.js';
import { PROJECT_OPTION } from './options.js';

export interface LintOptions {
  project?: string;
  strict?: boolean;
  format: string;
}

export function registerLint(program: Command, context: CommandContext): void {
  program
    .command('lint')
    .description(
      'check the corpus and the question bank, and list every problem with its file and line',
    )
    .option(...PROJECT_OPTION)
    .option('--strict', 'fail on warnings too')
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'),
    )
    .addHelpText(
      'after',
      '\nOutput: one line per problem, "file:line:col  severity  message".\nExit code: 0 clean, 1 errors (or warnings with --strict).\n\nExample:\n  $ handout lint --strict\n  $ handout lint --format json > problems.json',
    )
    .action(async (options: LintOptions) => {
      context.setExit(await lintCommand(options, context.io));
    });
}

export async function lintCommand(options: LintOptions, io: Io): Promise<number> {
  const [{ openProject }, { loadContent }] = await Promise.all([
    import('../project.js'),
    import('../content.js'),
  ]);
  const project = openProject(options.project, io.cwd);
  const problems = new ProblemList();
  const content = await loadContent(project, problems);
  const failed =
    problems.errors.length > 0 || (options.strict === true && problems.warnings.length > 0);
  if (options.format === 'json') {
    io.stdout(
      JSON.stringify({ ok: !failed, problems: problemsJson(problems.items, io.cwd) }, null, 2) +
        '\n',
    );
  } else {
    io.stdout(formatProblems(problems.items, io.cwd));
    const checked = `${plural(content.corpus.articles.length, 'article')}, ${plural(content.bank.questions.length, 'question')} in ${plural(content.bank.files.length, 'file')}`;
    io.stderr(
      problems.items.length === 0
        ? `lint: no problems (${checked})\n`
        : `lint: ${problemSummary(problems.items)} (${checked})\n`,
    );
  }
  return failed ? 1 : 0;
}
