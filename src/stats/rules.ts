/** The lint part of `handout stats`: what each rule found, and what questions allow and why. */
import type { LintResult } from '../lint/engine.js';
import type { Bank } from '../bank/load.js';
import type { SingleQuestion } from '../bank/question.js';
import { keyLongestShare, longestPickerScore } from '../lint/rules/key-longest.js';
import { table } from '../util/table.js';

export function formatRuleStats(lint: LintResult, bank: Bank): string {
  const out: string[] = [];
  const singles = bank.questions.filter((q): q is SingleQuestion => q.type === 'single');
  if (singles.length > 0) {
    const longest = singles.filter((q) => keyLongestShare(q) === 1).length;
    out.push(
      `Answer cues: in ${longest} of ${singles.length} single-choice questions the answer is the longest option; always picking the longest option would score ${Math.round(longestPickerScore(singles) * 100)}% (the key-longest rule reports above 35%)`,
      '',
    );
  }
  out.push('Lint rules (handout lint lists each finding)');
  out.push(
    table(
      [
        ['rule', 'kind', 'severity', 'found', 'allowed'],
        ...lint.rules.map((r) => [
          r.rule,
          r.category,
          r.severity,
          String(r.reported),
          String(r.allowed),
        ]),
      ],
      ['l', 'l', 'l', 'r', 'r'],
    ),
  );
  out.push('', 'Allowed by questions ("allow:" in the bank)');
  if (lint.allows.length === 0) out.push('  none');
  else
    out.push(
      table(
        [
          ['question', 'rule', 'reason'],
          ...lint.allows.map((a) => [a.id, a.rule, a.reason.replace(/\s+/g, ' ').trim()]),
        ],
        ['l', 'l', 'l'],
      )
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n'),
    );
  return out.join('\n') + '\n';
}
