/** Checks that every question cites passages that exist and quotes them verbatim. */
import type { Corpus } from '../corpus/article.js';
import type { ProblemList } from '../errors.js';
import type { Bank } from '../bank/load.js';
import { findQuote, quoteInPassages, refProblem } from '../corpus/quote.js';
import { didYouMean } from '../util/text.js';

export function checkPassages(bank: Bank, corpus: Corpus, problems: ProblemList): void {
  for (const question of [...bank.questions, ...bank.incomplete]) {
    let allResolved = true;
    const seen = new Set<string>();
    question.passages.forEach((ref, i) => {
      const at = bank.locate(
        question.id,
        question.passages.length > 1 ? ['passages', i] : ['passages'],
      );
      if (seen.has(ref.ref))
        problems.warning(
          at,
          'duplicate-passage',
          `question "${question.id}" cites ${ref.ref} twice; remove the repeat`,
          question.id,
        );
      seen.add(ref.ref);
      const problem = refProblem(ref, corpus, didYouMean);
      if (problem) {
        allResolved = false;
        problems.error(
          at,
          problem.code,
          `question "${question.id}" ${problem.message}`,
          question.id,
        );
      }
    });
    if (!allResolved) continue;
    question.evidence.forEach((quote, i) => {
      if (quoteInPassages(quote, question.passages, corpus)) return;
      const at = bank.locate(
        question.id,
        question.evidence.length > 1 ? ['evidence', i] : ['evidence'],
      );
      const elsewhere = findQuote(quote, corpus);
      const refs = question.passages.map((p) => p.ref).join(', ');
      const hint = elsewhere
        ? `it is in ${elsewhere}: cite that passage or quote from ${refs}`
        : 'copy the words exactly from the article (only spacing and quote marks may differ)';
      problems.error(
        at,
        'evidence-not-found',
        `the evidence of question "${question.id}" ("${shorten(quote)}") is not in ${refs}; ${hint}`,
        question.id,
      );
    });
  }
}

export function shorten(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
