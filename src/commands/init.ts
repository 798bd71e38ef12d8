/** `handout init DIR`: a small project that passes lint, to start from. */
import { cp, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { HandoutError, ProblemList } from '../errors.js';
import type { Io } from '../terminal/io.js';
import { relativeTo } from '../terminal/report.js';
import type { CommandContext } from './context.js';

export function registerInit(program: Command, context: CommandContext): void {
  program
    .command('init')
    .description(
      'create a small working project (one article, a few questions, a quiz blueprint) to start from',
    )
    .argument('<dir>', 'the folder to create (must be empty or not exist)')
    .addHelpText('after', '\nExample:\n  $ handout init my-unit && cd my-unit && handout lint')
    .action(async (dir: string) => {
      context.setExit(await initCommand(dir, context.io));
    });
}

export async function initCommand(dir: string, io: Io): Promise<number> {
  const [
    { BUILTIN_TEMPLATES, SCHEMA_DIR },
    { loadCorpus },
    { formatLock, lockOf },
    { writeFileAtomic },
  ] = await Promise.all([
    import('../project.js'),
    import('../corpus/load.js'),
    import('../corpus/lock.js'),
    import('../write/atomic.js'),
  ]);
  const target = path.resolve(io.cwd, dir);
  const entries = await readdir(target).catch(() => [] as string[]);
  if (entries.length > 0) {
    throw new HandoutError(
      `${relativeTo(io.cwd, target)} already exists and is not empty; choose a new folder name so nothing of yours is overwritten`,
      { code: 'init-not-empty' },
    );
  }
  await cp(path.join(BUILTIN_TEMPLATES, 'starter'), target, {
    recursive: true,
    errorOnExist: true,
    force: false,
  });
  await cp(SCHEMA_DIR, path.join(target, 'schema'), { recursive: true });
  // The lock starts with the project, so the first edit to an article is caught.
  const corpus = await loadCorpus(path.join(target, 'corpus'), new ProblemList());
  const lock = lockOf(
    corpus.articles.map((a) => ({ id: a.id, paragraphs: a.paragraphs.map((p) => p.text) })),
  );
  await writeFileAtomic(path.join(target, 'corpus.lock'), formatLock(lock));
  const shown = relativeTo(io.cwd, target);
  io.stderr(
    `Created ${shown}: corpus/ (one article), corpus.lock, questions/ (a few questions and a quiz blueprint), schema/.\n` +
      `Next: cd ${shown} && handout preview --open\n` +
      '  (your pages in the browser, updated each time you save; then "handout build" writes them to out/)\n',
  );
  return 0;
}
