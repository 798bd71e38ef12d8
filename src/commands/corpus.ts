/** `handout corpus import FILE`: draft a corpus file and report what to review. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { HandoutError, ProblemList } from '../errors.js';
import { LOCK_NAME } from '../corpus/lock.js';
import type { Io } from '../terminal/io.js';
import { relativeTo } from '../terminal/report.js';
import type { ImportNote } from '../corpus/import.js';
import type { CommandContext } from './context.js';
import { PROJECT_OPTION } from './options.js';

export interface ImportOptions {
  id?: string;
  project?: string;
  stdout?: boolean;
  force?: boolean;
}

export function registerCorpus(program: Command, context: CommandContext): void {
  const corpus = program.command('corpus').description('work on the article corpus');
  corpus
    .command('import')
    .description(
      'draft corpus/<id>.md from a raw article saved as text, and list what was removed or unsure',
    )
    .argument('<file>', 'the raw article text')
    .option('--id <id>', 'the article id (default: made from the headline and year)')
    .option(...PROJECT_OPTION)
    .option('--stdout', 'print the draft instead of writing it into corpus/')
    .option('--force', 'overwrite an existing corpus file with the same id')
    .addHelpText(
      'after',
      '\nExample:\n  $ handout corpus import ~/Downloads/lavrov.txt --id lavrov-studying-proposals-2013\n\nReview the draft: fill in the fields marked FILL IN, then run "handout lint".',
    )
    .action(async (file: string, options: ImportOptions) => {
      context.setExit(await importCommand(file, options, context.io));
    });
}

export async function importCommand(file: string, options: ImportOptions, io: Io): Promise<number> {
  const [
    { projectAt },
    { writeFileAtomic },
    { KEBAB_ID },
    { BLANK_MARK, draftArticle },
    { lockTextWithArticle, lockPath },
  ] = await Promise.all([
    import('../project.js'),
    import('../write/atomic.js'),
    import('../corpus/schema.js'),
    import('../corpus/import.js'),
    import('../corpus/lock-file.js'),
  ]);
  const source = path.resolve(io.cwd, file);
  let raw: string;
  try {
    raw = await readFile(source, 'utf8');
  } catch (cause) {
    throw new HandoutError(`cannot read ${file}: check the path and that it is a text file`, {
      code: 'import-unreadable',
      cause,
    });
  }
  if (options.id !== undefined && !new RegExp(KEBAB_ID).test(options.id)) {
    throw new HandoutError(
      `--id "${options.id}" is not kebab-case; use lowercase letters, digits and hyphens, like lavrov-studying-proposals-2013`,
      { code: 'bad-id' },
    );
  }
  const draft = draftArticle(raw, {
    ...(options.id ? { id: options.id } : {}),
    sourceFile: path.basename(source),
  });
  if (draft.paragraphs.length === 0) {
    throw new HandoutError(
      `${file} contains no article text that handout could recognise; paste the article body into a text file, one paragraph per line or separated by blank lines`,
      { code: 'import-empty' },
    );
  }
  const show = (title: string, notes: ImportNote[]): void => {
    if (notes.length === 0) return;
    io.stderr(`${title}:\n`);
    for (const note of notes)
      io.stderr(
        `  ${relativeTo(io.cwd, source)}:${note.line}  ${note.reason}: ${clip(note.text)}\n`,
      );
  };
  show('Removed', draft.removed);
  show('Unsure (kept)', draft.unsure);
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

function clip(text: string, max = 70): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
