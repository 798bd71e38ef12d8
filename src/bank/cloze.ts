/** Cloze text: `[[answer]]` or `[[answer|alternative|...]]` marks a blank. */

export type ClozePart =
  { kind: 'text'; text: string } | { kind: 'blank'; index: number; answers: string[] };

const BLANK = /\[\[([^\]]*)\]\]/g;

export function parseCloze(text: string): ClozePart[] {
  const parts: ClozePart[] = [];
  let last = 0;
  let index = 0;
  for (const match of text.matchAll(BLANK)) {
    if (match.index > last) parts.push({ kind: 'text', text: text.slice(last, match.index) });
    const answers = (match[1] ?? '')
      .split('|')
      .map((a) => a.trim())
      .filter((a) => a.length > 0);
    parts.push({ kind: 'blank', index: index++, answers });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

/** The accepted answers of each blank, in order. */
export function clozeBlanks(text: string): string[][] {
  return parseCloze(text).flatMap((part) => (part.kind === 'blank' ? [part.answers] : []));
}

/** The text with every blank filled with its first answer (for evidence and exports). */
export function clozeSolved(text: string): string {
  return parseCloze(text)
    .map((part) => (part.kind === 'text' ? part.text : (part.answers[0] ?? '')))
    .join('');
}
