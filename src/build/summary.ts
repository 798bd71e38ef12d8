/** The short table `handout build` prints of what it wrote. */
import type { WrittenFile } from '../write/writer.js';
import { table } from '../stats/format.js';

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function summaryTable(files: WrittenFile[], kinds: Map<string, string>, pages: Map<string, number>, outLabel: string): string {
  const shown = files.filter((f) => kinds.has(f.path));
  const rows = shown.map((f) => [kinds.get(f.path)!, f.path, pages.has(f.path) ? String(pages.get(f.path)) : '', size(f.bytes)]);
  const hidden = files.length - shown.length;
  const head = `Wrote ${files.length} files to ${outLabel}${hidden ? ` (${hidden} of them fonts, the manifest and other support files)` : ''}:`;
  return `${head}\n${table([['kind', 'file', 'pages', 'size'], ...rows], ['l', 'l', 'r', 'r'])}\n`;
}
