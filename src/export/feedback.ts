/**
 * Where a question comes from, in every format: the explanation, the
 * citation of each passage ("Title," Outlet, date, ¶N) and the evidence
 * quotes. Formats put it in their general feedback (or, where there is
 * none, in comments), so a teacher can always trace a question back.
 */
import type { Question } from '../bank/question.js';
import type { Corpus } from '../corpus/article.js';
import { citationLines } from '../corpus/citation.js';
import { escapeHtml, oneLine, toHtml, toText } from './text.js';

export interface SourceNote {
  /** Inline Markdown, as written in the bank. */
  explanation?: string;
  /** One line per article, plain text. */
  citations: string[];
  /** Verbatim quotes, plain text. */
  evidence: string[];
  /** Essay guidance (inline Markdown): for formats without a grader-only field. */
  guidance: string[];
}

export function sourceNote(question: Question, corpus: Corpus): SourceNote {
  return {
    ...(question.explanation === undefined ? {} : { explanation: question.explanation }),
    citations: citationLines(question.passages, corpus),
    evidence: question.evidence.map(oneLine),
    guidance: question.type === 'essay' ? question.guidance : [],
  };
}

export const GUIDANCE_HEADING = 'A good answer makes these points:';

/**
 * General feedback as HTML. `withGuidance` adds the essay guidance for
 * formats that have no grader-information field (Moodle XML has one).
 */
export function feedbackHtml(note: SourceNote, withGuidance = false): string {
  const parts: string[] = [];
  if (note.explanation !== undefined) parts.push(`<p>${toHtml(note.explanation)}</p>`);
  if (withGuidance && note.guidance.length > 0)
    parts.push(guidanceHtml(note.guidance, GUIDANCE_HEADING));
  for (const line of note.citations) parts.push(`<p>Source: ${escapeHtml(line)}</p>`);
  for (const quote of note.evidence) parts.push(`<p>Evidence: “${escapeHtml(quote)}”</p>`);
  return parts.join('');
}

export function guidanceHtml(guidance: string[], heading?: string): string {
  const list = `<ul>${guidance.map((g) => `<li>${toHtml(g)}</li>`).join('')}</ul>`;
  return heading === undefined ? list : `<p>${escapeHtml(heading)}</p>${list}`;
}

/** The same, as plain-text lines (for comments and flat files). */
export function feedbackLines(note: SourceNote, withGuidance = false): string[] {
  const lines: string[] = [];
  if (note.explanation !== undefined) lines.push(`Explanation: ${toText(note.explanation)}`);
  if (withGuidance && note.guidance.length > 0)
    lines.push(`${GUIDANCE_HEADING} ${note.guidance.map(toText).join('; ')}`);
  for (const line of note.citations) lines.push(`Source: ${line}`);
  for (const quote of note.evidence) lines.push(`Evidence: “${quote}”`);
  return lines;
}
