/** `handout corpus import FILE`: draft a corpus file and report what to review. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { HandoutError, ProblemList } from '../errors.js';
import { lockNewArticle } from './lock-file.js';
import { LOCK_NAME } from './lock.js';
import { projectAt } from '../project.js';
import type { Io } from '../cli/io.js';
import { relativeTo } from '../cli/report.js';
import { writeFileAtomic } from '../write/atomic.js';
import { KEBAB_ID } from './schema.js';
import { BLANK_MARK, draftArticle, type ImportNote } from './import.js';

export async function importCommand(file: string, options: { id?: string; project?: string; stdout?: boolean; force?: boolean }, io: Io): Promise<number> {
  const source = path.resolve(io.cwd, file);
  let raw: string;
  try {
    raw = await readFile(source, 'utf8');
  } catch (cause) {
    throw new HandoutError(`cannot read ${file}: check the path and that it is a text file`, { code: 'import-unreadable', cause });
  }
  if (options.id !== undefined && !new RegExp(KEBAB_ID).test(options.id)) {
    throw new HandoutError(`--id "${options.id}" is not kebab-case; use lowercase letters, digits and hyphens, like lavrov-studying-proposals-2013`, { code: 'bad-id' });
  }
  const draft = draftArticle(raw, { ...(options.id ? { id: options.id } : {}), sourceFile: path.basename(source) });
  if (draft.paragraphs.length === 0) {
    throw new HandoutError(`${file} contains no article text that handout could recognise; paste the article body into a text file, one paragraph per line or separated by blank lines`, { code: 'import-empty' });
  }
  const show = (title: string, notes: ImportNote[]): void => {
    if (notes.length === 0) return;
    io.stderr(`${title}:\n`);
    for (const note of notes) io.stderr(`  ${relativeTo(io.cwd, source)}:${note.line}  ${note.reason}: ${clip(note.text)}\n`);
  };
  show('Removed', draft.removed);
  show('Unsure (kept)', draft.unsure);
  if (options.stdout) {
    io.stdout(draft.markdown);
  } else {
    const project = projectAt(path.resolve(io.cwd, options.project ?? '.'));
    const target = path.join(project.corpusDir, `${draft.id}.md`);
    if (existsSync(target) && !options.force) {
      throw new HandoutError(`${relativeTo(io.cwd, target)} already exists; choose another --id, or add --force to replace it`, { code: 'import-exists' });
    }
    await writeFileAtomic(target, draft.markdown);
    io.stderr(`Wrote ${relativeTo(io.cwd, target)}: ${draft.paragraphs.length} paragraphs.\n`);
    const lockProblems = new ProblemList();
    if (await lockNewArticle(project.root, project.corpusDir, { id: draft.id, paragraphs: draft.paragraphs }, lockProblems)) {
      io.stderr(`Recorded its paragraphs in ${LOCK_NAME}.\n`);
    } else {
      io.stderr(`${LOCK_NAME} could not be read, so it was not updated: run "handout lint" to see why, then "handout lint --update-lock".\n`);
    }
  }
  if (draft.blanks.length > 0) {
    io.stderr(`To do: fill in ${draft.blanks.join(', ')} (marked ${BLANK_MARK}), then run "handout lint".\n`);
  }
  return 0;
}

function clip(text: string, max = 70): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
