/** The short table `handout build` prints of what it wrote. */
import type { Removed } from '../write/commit.js';
import type { WrittenFile } from '../write/written-file.js';
import { compareStrings } from '../errors.js';
import { table } from '../util/table.js';
import { plural } from '../util/text.js';

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** More files than this of one kind in one folder (a class's copies) share one row. */
const GROUP_OVER = 4;

export function summaryTable(
  files: WrittenFile[],
  kinds: Map<string, string>,
  pages: Map<string, number>,
  outLabel: string,
  removed: Removed = { files: [], retired: [], folders: [] },
): string {
  const shown = files.filter((f) => kinds.has(f.path));
  const groups = new Map<string, WrittenFile[]>();
  for (const file of shown) {
    const folder = file.path.slice(0, file.path.lastIndexOf('/') + 1);
    const key = `${kinds.get(file.path)}\u0000${folder}\u0000${file.path.slice(file.path.lastIndexOf('.'))}`;
    groups.set(key, [...(groups.get(key) ?? []), file]);
  }
  const rows: string[][] = [];
  for (const [key, group] of groups) {
    const [kind = '', folder = '', ext = ''] = key.split('\u0000');
    if (group.length > GROUP_OVER) {
      const bytes = group.reduce((n, f) => n + f.bytes, 0);
      rows.push([`${kind} ×${group.length}`, `${folder}*${ext}`, '', size(bytes)]);
    } else {
      for (const f of group)
        rows.push([
          kind,
          f.path,
          pages.has(f.path) ? String(pages.get(f.path)) : '',
          size(f.bytes),
        ]);
    }
  }
  rows.sort((a, b) => compareStrings(a[1]!, b[1]!));
  const hidden = files.length - shown.length;
  const head = `Wrote ${files.length} files to ${outLabel}${hidden ? ` (${hidden} of them ${hidden === 1 ? 'the manifest' : 'fonts and the manifest'})` : ''}:`;
  const listing = `${head}\n${table([['kind', 'file', 'pages', 'size'], ...rows], ['l', 'l', 'r', 'r'])}\n`;
  return listing + removedLines(removed, outLabel);
}

/** Names shown of the files removed from one folder; the rest are counted. */
const NAMES_SHOWN = 12;

/**
 * One line per folder that held files of an earlier run this run did not
 * write again (a version C, a PDF, a student's copy), or made for a quiz the
 * project no longer has: the teacher may have printed from them before, and
 * would otherwise miss them. The line says which of the two it was.
 */
function removedLines(removed: Removed, outLabel: string): string {
  const retired = new Set(removed.retired);
  const byFolder = new Map<string, string[]>();
  for (const file of removed.files) {
    // A removed folder's files, those of removed folders inside it too, make one line.
    const folder =
      removed.folders
        .filter((gone) => file.startsWith(`${gone}/`))
        .sort((a, b) => a.length - b.length)[0] ?? file.slice(0, file.lastIndexOf('/'));
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), file.slice(folder.length + 1)]);
  }
  let lines = '';
  for (const [folder, names] of byFolder) {
    const where = `${outLabel}${folder}/`;
    const ofQuizGone = names.filter((name) => retired.has(`${folder}/${name}`));
    const notWritten = names.filter((name) => !retired.has(`${folder}/${name}`));
    if (removed.folders.includes(folder)) {
      const why =
        notWritten.length === 0
          ? 'the quiz it was made for is no longer in the project'
          : 'this run writes nothing there';
      lines += `Removed ${where} (${plural(names.length, 'file')} of an earlier run): ${why}.\n`;
      continue;
    }
    if (ofQuizGone.length > 0)
      lines += `Removed ${plural(ofQuizGone.length, 'file')} of an earlier run from ${where} made for a quiz no longer in the project: ${shownNames(ofQuizGone)}.\n`;
    if (notWritten.length > 0)
      lines += `Removed ${plural(notWritten.length, 'file')} of an earlier run from ${where} that this run did not write again: ${shownNames(notWritten)}.\n`;
  }
  return lines;
}

/** The first names, the rest counted. */
function shownNames(names: string[]): string {
  const more = names.length > NAMES_SHOWN ? ` and ${names.length - NAMES_SHOWN} more` : '';
  return names.slice(0, NAMES_SHOWN).join(', ') + more;
}
