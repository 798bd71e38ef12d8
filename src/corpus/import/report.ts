/**
 * The import report: where each metadata value came from, what was removed
 * and what is unsure, each with the line (text) or element (HTML) it came
 * from. Page text is untrusted: control characters (terminal escape
 * sequences) and direction overrides are shown as visible codes, never sent
 * to the terminal as they are.
 */
import { shorten } from '../../util/text.js';
import type { SourceDraft } from './draft-article.js';
import type { ImportNote } from './extracted.js';

export function importReport(draft: SourceDraft, where: string): string {
  const lines: string[] = [];
  if (draft.kind === 'html')
    lines.push(
      `Read ${where} as a web page (${draft.encoding.name}, from ${draft.encoding.from}).`,
    );
  if (draft.found.length) {
    lines.push('Found:');
    for (const f of draft.found)
      lines.push(
        `  ${f.field}: ${terminalSafe(shorten(f.value, 80))}  (from ${terminalSafe(f.from)})`,
      );
  }
  const show = (title: string, notes: ImportNote[]): void => {
    if (notes.length === 0) return;
    lines.push(`${title}:`);
    for (const note of notes) {
      const at =
        note.line !== undefined
          ? `${where}:${note.line}`
          : `${where} ${terminalSafe(note.element ?? '')}`;
      lines.push(`  ${at}  ${note.reason}: ${terminalSafe(shorten(note.text, 70))}`);
    }
  };
  show('Removed', draft.removed);
  show('Unsure (kept)', draft.unsure);
  return lines.map((l) => `${l}\n`).join('');
}

/** C0 and C1 control characters, and the bidirectional overrides that can disguise a line. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}
