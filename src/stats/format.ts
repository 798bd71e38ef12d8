/** The human-readable `handout stats` report. */
import type { BankStats } from './stats.js';
import { TYPE_LABELS } from '../bank/question.js';
import { QUESTION_TYPES } from '../bank/schema.js';
import { table } from '../util/table.js';

const percent = (part: number, whole: number): string =>
  whole === 0 ? '0%' : `${Math.round((part / whole) * 100)}%`;

export function formatStats(stats: BankStats): string {
  const out: string[] = [];
  out.push(
    `${stats.questions} questions worth ${stats.points} points; ${stats.citedParagraphs} of ${stats.paragraphs} paragraphs cited (${percent(stats.citedParagraphs, stats.paragraphs)})`,
  );
  out.push('', 'By article');
  out.push(
    table(
      [
        ['article', 'questions', 'paragraphs cited', 'not cited'],
        ...stats.articles.map((a) => [
          a.id,
          String(a.questions),
          `${a.citedParagraphs}/${a.paragraphs}`,
          a.uncited.length ? a.uncited.map((n) => `¶${n}`).join(' ') : '-',
        ]),
      ],
      ['l', 'r', 'r', 'l'],
    ),
  );
  out.push('', 'Questions per paragraph');
  for (const article of stats.articles) {
    out.push(`  ${article.id}: ${article.perParagraph.map((n, i) => `¶${i + 1}:${n}`).join(' ')}`);
  }
  out.push('', 'By type');
  out.push(
    table(
      [
        ['type', 'questions', 'share'],
        ...QUESTION_TYPES.map((t) => [
          `${t} (${TYPE_LABELS[t]})`,
          String(stats.byType[t]),
          percent(stats.byType[t], stats.questions),
        ]),
      ],
      ['l', 'r', 'r'],
    ),
  );
  out.push('', 'By difficulty');
  const names = { '1': '1 recall', '2': '2 understanding', '3': '3 analysis' } as const;
  out.push(
    table(
      [
        ['difficulty', 'questions', 'share'],
        ...(['1', '2', '3'] as const).map((d) => [
          names[d],
          String(stats.byDifficulty[d]),
          percent(stats.byDifficulty[d], stats.questions),
        ]),
      ],
      ['l', 'r', 'r'],
    ),
  );
  out.push('', 'By tag');
  out.push(
    table(
      [['tag', 'questions'], ...stats.byTag.map((t) => [t.tag, String(t.questions)])],
      ['l', 'r'],
    ),
  );
  return out.join('\n') + '\n';
}
