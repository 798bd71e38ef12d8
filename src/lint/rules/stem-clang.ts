/** A word of the question that reappears only in the answer. */
import { unhandledType, type Rule } from '../rule.js';
import { contentStems, words, stem } from '../wording.js';

export const stemClang: Rule = {
  id: 'stem-clang',
  severity: 'warning',
  category: 'item-writing',
  doc: {
    description:
      'When a content word of the question reappears in the answer and in no distractor (a "clang association"), students match the words instead of the meaning. Use the word in the distractors too, or leave it out of the answer.',
    bad: 'prompt: Which treaty did Russia suspend in 2007?\nanswer: The CFE treaty\ndistractors: [New START, The INF agreement]',
    good: 'prompt: Which treaty did Russia suspend in 2007?\nanswer: The CFE treaty\ndistractors: [The New START treaty, The INF treaty]',
  },
  question(question, report) {
    switch (question.type) {
      case 'single':
      case 'multiple': {
        const stemWords = contentStems(question.prompt);
        if (stemWords.size === 0) return;
        const inDistractors = new Set(question.distractors.flatMap((d) => [...contentStems(d)]));
        const answers = question.type === 'single' ? [question.answer] : question.answers;
        answers.forEach((answer, i) => {
          const clang = [...contentStems(answer)].filter(
            (w) => stemWords.has(w) && !inDistractors.has(w),
          );
          if (clang.length === 0) return;
          const shown = clang.map((s) => `"${words(answer).find((w) => stem(w) === s) ?? s}"`);
          report({
            path: question.type === 'single' ? ['answer'] : ['answers', i],
            message: `the answer repeats ${shown.join(' and ')} from the question and no distractor does, so students can match words instead of knowing; use the word in a distractor too, or leave it out of the answer`,
          });
        });
        return;
      }
      case 'true-false':
      case 'short':
      case 'numeric':
      case 'cloze':
      case 'matching':
      case 'ordering':
      case 'essay':
        return; // no options to stand out from each other
      default:
        return unhandledType(question);
    }
  },
};
