/**
 * docs/lint.md, written from the rules themselves (`npm run docs:lint`), so
 * that the reference a teacher reads is the one lint applies; a test checks
 * that the committed file is current.
 */
import { RULES } from './registry.js';
import { allowableByQuestion } from './rule.js';

export function rulesMarkdown(): string {
  const out: string[] = [
    '# Lint rules',
    '',
    '<!-- Written by `npm run docs:lint` from src/lint/rules/; do not edit by hand. -->',
    '',
    '`handout lint` runs these rules on every question (and some on the bank as a',
    'whole). Errors stop every command that generates something; warnings do not,',
    'except under `handout lint --strict`, which treats them as errors. Every',
    'problem names its rule (`rule` in `handout lint --format json`), and',
    '`handout stats` counts what each rule found.',
    '',
    'A question silences a warning rule with a reason a colleague would accept:',
    '',
    '```yaml',
    'allow:',
    '  stem-clang: The answer must use the article’s own term, “short-range missiles”.',
    '```',
    '',
    'The reason is required and `handout stats` lists it. An unknown rule id is an',
    'error (with the closest id suggested), so is allowing an error rule or a rule',
    'about the whole bank, and an `allow` that silences nothing is a warning.',
    '',
    'Besides these rules, lint compares the corpus with `corpus.lock` (see',
    '[formats.md](formats.md#corpus-lock-corpuslock)).',
    '',
    '| rule | kind | severity | can be allowed |',
    '| ---- | ---- | -------- | -------------- |',
    ...RULES.map(
      (r) =>
        `| [${r.id}](#${r.id}) | ${r.category} | ${r.severity} | ${allowableByQuestion(r) ? 'yes' : 'no'} |`,
    ),
  ];
  for (const rule of RULES) {
    out.push('', `## ${rule.id}`, '', rule.doc.description, '', 'Reported:', '', '```yaml');
    out.push(rule.doc.bad, '```', '', 'Fixed:', '', '```yaml', rule.doc.good, '```');
  }
  return out.join('\n') + '\n';
}
