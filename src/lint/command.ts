/** `handout lint`: every problem in one pass, then one exit code. */
import { ProblemList } from '../errors.js';
import { openProject } from '../project.js';
import { loadContent } from '../content.js';
import type { Io } from '../cli/io.js';
import { formatProblems, problemsJson, problemSummary } from '../cli/report.js';
import { plural } from '../util/text.js';

export interface LintOptions {
  project?: string;
  strict?: boolean;
  format: string;
}

export async function lintCommand(options: LintOptions, io: Io): Promise<number> {
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
