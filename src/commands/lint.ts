/** `handout lint`: every problem in one pass, then one exit code. */
import { Option, type Command } from 'commander';
import { ProblemList, type Problem } from '../errors.js';
import type { Project } from '../project.js';
import { LOCK_NAME } from '../corpus/lock.js';
import type { Io } from '../terminal/io.js';
import { formatProblems, problemsJson, problemSummary } from '../terminal/report.js';
import { plural } from '../util/text.js';
import type { CommandContext } from './context.js';
import { PROJECT_OPTION } from './options.js';

export interface LintOptions {
  project?: string;
  strict?: boolean;
  format: string;
  updateLock?: boolean;
}

export function registerLint(program: Command, context: CommandContext): void {
  program
    .command('lint')
    .description(
      'check the corpus and the question bank, and list every problem with its file and line',
    )
    .option(...PROJECT_OPTION)
    .option('--strict', 'treat warnings (the item-writing rules among them) as errors')
    .option(
      '--update-lock',
      'accept the articles as they are now: record their paragraphs in corpus.lock, then lint',
    )
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'),
    )
    .addHelpText(
      'after',
      '\nOutput: one line per problem, "file:line:col  severity  message".\nExit code: 0 clean, 1 errors (or warnings with --strict).\n\nA question silences a warning with allow: { RULE-ID: "reason" }; "handout stats"\nlists the rules, how often each fired and every reason given.\n\nExample:\n  $ handout lint --strict\n  $ handout lint --format json > problems.json\n  $ handout lint --update-lock     # after checking what cites a changed paragraph',
    )
    .action(async (options: LintOptions) => {
      context.setExit(await lintCommand(options, context.io));
    });
}

export async function lintCommand(options: LintOptions, io: Io): Promise<number> {
  const [{ openProject }, { loadContent }, { YamlCache }, { handoutVersion }] = await Promise.all([
    import('../project.js'),
    import('../content.js'),
    import('../util/yaml-cache.js'),
    import('../version.js'),
  ]);
  const project = openProject(options.project, io.cwd);
  if (options.updateLock) await updateLock(project, io);
  const problems = new ProblemList();
  // The project's YAML as read by earlier runs, while its files are unchanged.
  const yamlCache = await YamlCache.open(handoutVersion());
  const content = await loadContent(project, problems, yamlCache ? { yamlCache } : {});
  await yamlCache?.save();
  // Under --strict every warning is an error: the item-writing rules then gate a bank.
  const items: Problem[] = options.strict
    ? problems.items.map((p) => (p.severity === 'warning' ? { ...p, severity: 'error' } : p))
    : problems.items;
  const failed = items.some((p) => p.severity === 'error');
  if (options.format === 'json') {
    io.stdout(
      JSON.stringify(
        { ok: !failed, locked: content.locked, problems: problemsJson(items, io.cwd) },
        null,
        2,
      ) + '\n',
    );
  } else {
    io.stdout(formatProblems(items, io.cwd));
    const checked = `${plural(content.corpus.articles.length, 'article')}, ${plural(content.bank.questions.length, 'question')} in ${plural(content.bank.files.length, 'file')}`;
    io.stderr(
      items.length === 0
        ? `lint: no problems (${checked})\n`
        : `lint: ${problemSummary(items)} (${checked})\n`,
    );
    if (!content.locked && content.corpus.articles.length > 0)
      io.stderr(
        `lint: this project has no ${LOCK_NAME} yet; run "handout lint --update-lock" to record the articles' paragraphs, so that lint can tell you when one changes under the questions that cite it\n`,
      );
  }
  return failed ? 1 : 0;
}

/** Records the corpus as it is now; refuses while an article cannot be read, so none is left out. */
async function updateLock(project: Project, io: Io): Promise<void> {
  const [{ loadCorpus }, { formatLock, lockOf }, { lockPath }, { writeFileAtomic }] =
    await Promise.all([
      import('../corpus/load.js'),
      import('../corpus/lock.js'),
      import('../corpus/lock-file.js'),
      import('../write/atomic.js'),
    ]);
  const problems = new ProblemList();
  const corpus = await loadCorpus(project.corpusDir, problems);
  problems.throwIfErrors(
    `${LOCK_NAME} was not updated: the corpus has errors, and the lock must record every article; fix them and run "handout lint --update-lock" again`,
  );
  const paragraphs = corpus.articles.reduce((n, a) => n + a.paragraphs.length, 0);
  const lock = lockOf(
    corpus.articles.map((a) => ({ id: a.id, paragraphs: a.paragraphs.map((p) => p.text) })),
  );
  await writeFileAtomic(lockPath(project.root), formatLock(lock));
  io.stderr(
    `lint: ${LOCK_NAME} now records ${plural(corpus.articles.length, 'article')} (${plural(paragraphs, 'paragraph')})\n`,
  );
}
