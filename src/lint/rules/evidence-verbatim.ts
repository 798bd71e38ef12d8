/** Evidence is quoted word for word from the cited passages. */
import { findQuote, quoteInPassages, refProblem } from '../../corpus/quote.js';
import { didYouMean, shorten } from '../../util/text.js';
import type { Rule } from '../rule.js';
import { evidencePath } from './paths.js';

export const evidenceVerbatim: Rule = {
  id: 'evidence-verbatim',
  severity: 'error',
  category: 'correctness',
  doc: {
    description:
      'The evidence is what a teacher shows a student who disputes a mark, so it must be the article’s own words, found in the paragraphs the question cites. Only spacing and the style of quote marks may differ; a quote that rewords the article, or comes from another paragraph, is reported (with the paragraph that does contain it, when there is one).',
    bad: 'passages: lavrov-studying-proposals-2013#p2\nevidence: Moscow still wanted guarantees   # the article says "still wants"',
    good: 'passages: lavrov-studying-proposals-2013#p2\nevidence: still wants guarantees that the system would not be used against Russia',
  },
  citing(citing, report, { corpus }) {
    // Evidence is only checked against citations that all resolve: one problem at a time.
    if (citing.passages.some((ref) => refProblem(ref, corpus, didYouMean))) return;
    citing.evidence.forEach((quote, i) => {
      if (quoteInPassages(quote, citing.passages, corpus)) return;
      const elsewhere = findQuote(quote, corpus);
      const refs = citing.passages.map((p) => p.ref).join(', ');
      const hint = elsewhere
        ? `it is in ${elsewhere}: cite that passage or quote from ${refs}`
        : 'copy the words exactly from the article (only spacing and quote marks may differ)';
      report({
        path: evidencePath(citing, i),
        code: 'evidence-not-found',
        message: `the evidence ("${shorten(quote)}") is not in ${refs}; ${hint}`,
      });
    });
  },
};
