/** The short table `handout build` prints of what it wrote. */
import type { Removed, WrittenFile } from '../write/writer.js';
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
  removed: Removed = { files: [], folders: [] },
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
 * write again (a version C, a PDF, a student's copy): the teacher may have
 * printed from it before, and would otherwise miss them.
 */
function removedLines(removed: Removed, outLabel: string): string {
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
    const count = plural(names.length, 'file');
    if (removed.folders.includes(folder)) {
      lines += `Removed ${where} (${count} of an earlier run): this run writes nothing there.\n`;
      continue;
    }
    const shown = names.slice(0, NAMES_SHOWN).join(', ');
    const more = names.length > NAMES_SHOWN ? ` and ${names.length - NAMES_SHOWN} more` : '';
    lines += `Removed ${count} of an earlier run from ${where} that this run did not write again: ${shown}${more}.\n`;
  }
  return lines;
}
