/** The short table `handout build` prints of what it wrote. */
import type { WrittenFile } from '../write/writer.js';
import { compareStrings } from '../errors.js';
import { table } from '../util/table.js';

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
  return `${head}\n${table([['kind', 'file', 'pages', 'size'], ...rows], ['l', 'l', 'r', 'r'])}\n`;
}
