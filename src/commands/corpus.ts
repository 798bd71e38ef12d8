/** `handout corpus import FILE`: draft a corpus file and report what to review. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { HandoutError, ProblemList } from '../errors.js';
import { LOCK_NAME } from '../corpus/lock.js';
import type { Io } from '../terminal/io.js';
import { relativeTo } from '../terminal/report.js';
import type { CommandContext } from './context.js';
import { PROJECT_OPTION } from './options.js';

export interface ImportOptions {
  id?: string;
  project?: string;
  stdout?: boolean;
  force?: boolean;
  timeout?: string;
}

export function registerCorpus(program: Command, context: CommandContext): void {
  const corpus = program.command('corpus').description('work on the article corpus');
  corpus
    .command('import')
    .description(
      'draft corpus/<id>.md from a saved web page (.html), pasted text (.txt) or an http(s) address, and list what was removed or unsure',
    )
    .argument('<file-or-url>', 'the saved page, the text file, or the address of the article')
    .option(
      '--id <id>',
      'the article id (default: made from the headline and year, or from the page address or file name when the headline has no Latin letters)',
    )
    .option(...PROJECT_OPTION)
    .option('--stdout', 'print the draft instead of writing it into corpus/')
    .option('--force', 'overwrite an existing corpus file with the same id')
    .option('--timeout <seconds>', 'how long to wait for a site when fetching an address', '20')
    .addHelpText(
      'after',
      '\nExamples:\n  $ handout corpus import ~/Downloads/article.html\n  $ handout corpus import pasted.txt --id lavrov-studying-proposals-2013\n  $ handout corpus import https://www.example.org/news/some-article\n\nReview the draft: fill in the fields marked FILL IN, then run "handout lint".',
    )
    .action(async (file: string, options: ImportOptions) => {
      context.setExit(await importCommand(file, options, context.io));
    });
}

export async function importCommand(
  input: string,
  options: ImportOptions,
  io: Io,
): Promise<number> {
  const [
    { projectAt },
    { writeFileAtomic },
    { KEBAB_ID },
    { readSource },
    { draftArticle },
    { BLANK_MARK },
    { importReport },
    { lockTextWithArticle, lockPath },
  ] = await Promise.all([
    import('../project.js'),
    import('../write/atomic.js'),
    import('../corpus/schema.js'),
    import('../corpus/import/source.js'),
    import('../corpus/import/draft-article.js'),
    import('../corpus/import/draft.js'),
    import('../corpus/import/report.js'),
    import('../corpus/lock-file.js'),
  ]);
  if (options.id !== undefined && !new RegExp(KEBAB_ID).test(options.id)) {
    throw new HandoutError(
      `--id "${options.id}" is not kebab-case; use lowercase letters, digits and hyphens, like lavrov-studying-proposals-2013`,
      { code: 'bad-id' },
    );
  }
  const timeout = Number(options.timeout ?? 20);
  if (!(timeout > 0)) {
    throw new HandoutError(
      `--timeout "${options.timeout}" is not a number of seconds; use, for example, --timeout 30`,
      { code: 'bad-option' },
    );
  }
  const source = await readSource(input, { cwd: io.cwd, timeoutSeconds: timeout });
  const draft = draftArticle(source, options.id ? { id: options.id } : {});
  if (draft.paragraphs.length === 0) {
    throw new HandoutError(
      source.kind === 'html'
        ? `${input} contains no article text that handout could recognise; open the page in a browser, copy the article's text into a .txt file, and import that`
        : `${input} contains no article text that handout could recognise; paste the article body into a text file, one paragraph per line or separated by blank lines`,
      { code: 'import-empty' },
    );
  }
  io.stderr(importReport(draft, source.file ? relativeTo(io.cwd, source.file) : source.name));
  if (options.stdout) {
    io.stdout(draft.markdown);
  } else {
    const project = projectAt(path.resolve(io.cwd, options.project ?? '.'));
    const target = path.join(project.corpusDir, `${draft.id}.md`);
    if (existsSync(target) && !options.force) {
      throw new HandoutError(
        `${relativeTo(io.cwd, target)} already exists; choose another --id, or add --force to replace it`,
        { code: 'import-exists' },
      );
    }
    await writeFileAtomic(target, draft.markdown);
    io.stderr(`Wrote ${relativeTo(io.cwd, target)}: ${draft.paragraphs.length} paragraphs.\n`);
    const article = { id: draft.id, paragraphs: draft.paragraphs };
    const lock = await lockTextWithArticle(
      project.root,
      project.corpusDir,
      article,
      new ProblemList(),
    );
    if (lock !== undefined) {
      await writeFileAtomic(lockPath(project.root), lock);
      io.stderr(`Recorded its paragraphs in ${LOCK_NAME}.\n`);
    } else
      io.stderr(
        `${LOCK_NAME} could not be read, so it was not updated: run "handout lint" to see why, then "handout lint --update-lock".\n`,
      );
  }
  if (draft.blanks.length > 0) {
    io.stderr(
      `To do: fill in ${draft.blanks.join(', ')} (marked ${BLANK_MARK}), then run "handout lint".\n`,
    );
  }
  return 0;
}
