/** Absolute words in true/false statements: the statement is usually false. */
import { unhandledType, type Rule } from '../rule.js';
import { quotedSpans, within } from '../wording.js';

const ABSOLUTE = /\b(always|never|all|none|only|must)\b/gi;

export const absoluteWords: Rule = {
  id: 'absolute-words',
  severity: 'warning',
  category: 'item-writing',
  doc: {
    description:
      'Test-wise students know that a statement with always, never, all, none, only or must is usually false, because almost nothing is true without exception; they answer it without knowing the content. State what the article says with its own qualifications. Words inside quotation marks are the article’s and are not reported.',
    bad: 'type: true-false\nprompt: Russia has always opposed every part of NATO’s missile defense plans.',
    good: 'type: true-false\nprompt: In April 2013 Lavrov said Moscow was studying NATO’s proposals on missile defense.',
  },
  question(question, report) {
    switch (question.type) {
      case 'true-false': {
        const quoted = quotedSpans(question.prompt);
        const found = [...question.prompt.matchAll(ABSOLUTE)]
          .filter((m) => !within(quoted, m.index))
          .map((m) => `"${m[0]}"`);
        if (found.length > 0)
          report({
            path: ['prompt'],
            message: `the statement says ${[...new Set(found)].join(' and ')}; students guess that absolute statements are false without knowing the content. Say what the article says with its qualifications, or quote its own words in quotation marks`,
          });
        return;
      }
      case 'single':
      case 'multiple':
      case 'short':
      case 'numeric':
      case 'cloze':
      case 'matching':
      case 'ordering':
      case 'essay':
        return; // the cue works on statements to be judged true or false
      default:
        return unhandledType(question);
    }
  },
};
