/** Shared pieces of the grading tests: the fixture project, answers, responses files, an in-memory Io. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'csv-stringify/sync';
import { requireContent, type Content } from '../../src/content.js';
import { projectAt } from '../../src/project.js';
import type { CopyItem, QuizCopy } from '../../src/quiz/copy.js';
import { keyNotation } from '../../src/quiz/key.js';
import { regenerateCopies, type CopySet } from '../../src/grade/copies.js';
import { loadRoster } from '../../src/quiz/roster.js';

export const FIXTURE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/grade-basic',
);

let cached: Promise<Content> | undefined;

export function fixtureContent(): Promise<Content> {
  cached ??= requireContent(projectAt(FIXTURE)).then((r) => r.content);
  return cached;
}

export async function fixtureCopies(quizId: string): Promise<CopySet> {
  const content = await fixtureContent();
  const blueprint = content.blueprints.find((b) => b.id === quizId)!;
  const students = blueprint.roster ? await loadRoster(blueprint.roster) : undefined;
  return regenerateCopies(
    content.bank.questions,
    blueprint,
    blueprint.seed,
    students ? { students } : {},
  );
}

/** The key's notation; an essay's right answer is full marks. */
export function rightAnswer(item: CopyItem): string {
  return item.presentation.type === 'essay' ? String(item.points) : keyNotation(item.presentation);
}

/** An answer that earns nothing, in the notation of the item's type. */
export function wrongAnswer(item: CopyItem): string {
  const p = item.presentation;
  switch (p.type) {
    case 'single':
      return p.options.find((o) => !o.correct)!.letter;
    case 'multiple':
      return p.options.find((o) => !o.correct)!.letter;
    case 'true-false':
      return p.correct ? 'F' : 'T';
    case 'short':
      return 'Moscow';
    case 'numeric':
      return String(p.answer + p.tolerance + 1);
    case 'cloze':
      return p.answers.map(() => 'nothing').join('|');
    case 'matching':
      // Every number gets the letter of the next pair: all wrong.
      return p.left
        .map((l, i) => `${l.number}${p.left[(i + 1) % p.left.length]!.correct}`)
        .join(' ');
    case 'ordering':
      return [...p.correct].reverse().join('');
    case 'essay':
      return '0';
  }
}

export interface RowSpec {
  id: string;
  version: string;
  cells: string[];
}

/** A responses file; `header` defaults to id,version,1..n for the longest row. */
export function responsesCsv(rows: RowSpec[], header?: string[]): string {
  const count = Math.max(0, ...rows.map((r) => r.cells.length));
  const head = header ?? [
    'id',
    'version',
    ...Array.from({ length: count }, (_, i) => String(i + 1)),
  ];
  return stringify([head, ...rows.map((r) => [r.id, r.version, ...r.cells])], {
    record_delimiter: 'unix',
  });
}

/** A row on `copy` answering each question right or wrong by question id. */
export function rowFor(
  id: string,
  copy: QuizCopy,
  right: (questionId: string) => boolean,
): RowSpec {
  return {
    id,
    version: copy.version,
    cells: copy.items.map((item) =>
      right(item.question.id) ? rightAnswer(item) : wrongAnswer(item),
    ),
  };
}
