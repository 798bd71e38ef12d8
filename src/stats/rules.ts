/** The lint part of `handout stats`: what each rule found, and what questions allow and why. */
import type { LintResult } from '../lint/engine.js';
import { table } from '../util/table.js';

export function formatRuleStats(lint: LintResult): string {
  const out: string[] = ['Lint rules (handout lint lists each finding)'];
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
