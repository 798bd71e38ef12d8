/**
 * What one question prints and what its answers are, as word stems (see
 * wording.ts), for the answer-given-away rule (rules/answer-given-away.ts):
 * the printed parts a student reads (prompt, statements, options), and for
 * each answer the words that tell it from the wrong options. An answer is a
 * choice's key, a short or numeric answer, a cloze blank, a matching pair,
 * or a true statement of a true/false question.
 */
import type { Question } from '../bank/question.js';
import { parseCloze } from '../bank/cloze.js';
import { matchesFilter } from '../quiz/filter.js';
import type { YamlPath } from '../util/yaml-source.js';
import type { Blueprint } from '../quiz/blueprint.js';
import { unhandledType } from './rule.js';
import { contentStems } from './wording.js';

/**
 * A printed part of a question: its prompt (with what the student knows to
 * be true: a matching's pairs, an ordering's events), or one option. An
 * option is only one possibility among others: "Reuters" as an option of
 * "which agency...?" says nothing about where Reuters reported, so an option
 * gives an answer away only if it also carries words of that answer's prompt.
 */
export interface Unit {
  stems: ReadonlySet<string>;
  option: boolean;
}

/**
 * One answer of a question, as the words that tell it from the wrong
 * options. An `answer` (a key, a blank...) is given away where its words
 * stand with words of its prompt; a `pair` (a matching's left with its
 * right) and a `statement` (a true/false that is true) carry their own
 * link: printed together as a fact (a prompt, an ordering's event), they
 * are the answer. Options never state a fact, so they give neither away.
 */
export interface Key {
  kind: 'answer' | 'pair' | 'statement';
  text: string;
  path: YamlPath;
  /** Stems of the answer that neither the prompt nor any distractor has. */
  cue: string[];
}

export interface Item {
  question: Question;
  /** The prompt as printed, normalised: duplicates of one question are not each other's cue. */
  prompt: string;
  /** The same number for the same prompt. */
  promptId: number;
  promptList: string[];
  /** Every stem a student reads on the copy for this question, answers included. */
  printed: Set<string>;
  /** The printed parts the answer's words must appear together in (see Unit). */
  units: Unit[];
  keys: Key[];
  /** Indices of the quizzes that can draw the question. */
  pools: number[];
}

/** Stems of `stems` that none of `others` has: what tells one side of a pair from the rest. */
function onlyIn(
  stems: ReadonlySet<string>,
  others: readonly string[],
  stemsOf: (text: string) => ReadonlySet<string>,
): string[] {
  const elsewhere = others.map(stemsOf);
  return [...stems].filter((st) => !elsewhere.some((o) => o.has(st)));
}

const NUMBER_GROUPS = /(\d),(?=\d{3}\b)/g;

/**
 * Stems of a text, with "1,550" read as one number. Remembered for the run:
 * the same options ("Russia", "NATO", names) recur across a bank.
 */
export function memoStems(): (text: string) => ReadonlySet<string> {
  const known = new Map<string, ReadonlySet<string>>();
  return (text) => {
    let stems = known.get(text);
    if (!stems) known.set(text, (stems = contentStems(text.replace(NUMBER_GROUPS, '$1'))));
    return stems;
  };
}

/** A question as the rule compares it: what it prints, its answers, the quizzes that can draw it. */
export function describe(
  question: Question,
  blueprints: readonly Blueprint[],
  stemsOf: (text: string) => ReadonlySet<string>,
): Item {
  /** What the question is about, as printed: the prompt, and a cloze's passage around its blanks. */
  const about: string[] = [question.prompt];
  /** What else is printed: an ordering's events (statements), and the options (possibilities). */
  const statements: string[] = [];
  const options: string[] = [];
  const answers: { text: string; path: YamlPath; wrong: string[] }[] = [];
  const keys: Key[] = [];
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const keys = question.type === 'single' ? [question.answer] : question.answers;
      keys.forEach((text, i) =>
        answers.push({
          text,
          path: question.type === 'single' ? ['answer'] : ['answers', i],
          wrong: question.distractors,
        }),
      );
      options.push(...keys, ...question.distractors);
      break;
    }
    case 'short':
      answers.push({ text: question.answer, path: ['answer'], wrong: [] });
      break;
    case 'numeric':
      answers.push({ text: String(question.answer), path: ['answer'], wrong: [] });
      break;
    case 'cloze':
      // The passage is printed with its blanks empty; each blank's answer is a key.
      for (const part of parseCloze(question.text)) {
        if (part.kind === 'text') about.push(part.text);
        else answers.push({ text: part.answers[0] ?? '', path: ['text'], wrong: [] });
      }
      break;
    case 'matching': {
      // Printed in two shuffled columns: each side is a possibility, nothing pairs them.
      const lefts = question.pairs.map((p) => p.left);
      const rights = [...question.pairs.map((p) => p.right), ...question.distractors];
      options.push(...lefts, ...rights);
      question.pairs.forEach((pair, i) => {
        const side = (text: string, others: string[]) =>
          onlyIn(stemsOf(text), [question.prompt, ...others.filter((o) => o !== text)], stemsOf);
        const left = side(pair.left, lefts);
        const right = side(pair.right, rights);
        // A side with no word of its own (a name another side repeats) cannot be told on a page.
        if (left.length > 0 && right.length > 0)
          keys.push({
            kind: 'pair',
            text: `${pair.left} — ${pair.right}`,
            path: ['pairs', i],
            cue: [...left, ...right],
          });
      });
      break;
    }
    case 'ordering':
      statements.push(...question.items);
      break;
    case 'true-false': {
      // A true statement is its own answer: stated as a fact elsewhere, it is given away.
      const cue = [...stemsOf(question.prompt)];
      if (question.answer && cue.length > 0)
        keys.push({ kind: 'statement', text: question.prompt, path: ['prompt'], cue });
      break;
    }
    case 'essay':
      break; // the prompt is all that is printed, and the answer is not a text to find
    default:
      return unhandledType(question);
  }
  const promptStems =
    about.length === 1 ? stemsOf(about[0]!) : new Set(about.flatMap((text) => [...stemsOf(text)]));
  for (const answer of answers) {
    const wrong = answer.wrong.map(stemsOf);
    const cue = [...stemsOf(answer.text)].filter(
      (st) => !promptStems.has(st) && !wrong.some((w) => w.has(st)),
    );
    if (cue.length > 0) keys.push({ kind: 'answer', text: answer.text, path: answer.path, cue });
  }
  // The prompt, and each of an ordering's events: facts the student reads, one by one.
  const units: Unit[] = [
    { stems: promptStems, option: false },
    ...statements.map((text) => ({ stems: stemsOf(text), option: false })),
  ];
  const printed = new Set(promptStems);
  for (const text of statements) for (const st of stemsOf(text)) printed.add(st);
  for (const text of options) {
    const stems = stemsOf(text);
    units.push({ stems, option: true });
    for (const st of stems) printed.add(st);
  }
  const pools =
    blueprints.length === 0
      ? [-1]
      : blueprints.flatMap((b, i) =>
          b.sections.some((section) => matchesFilter(question, section.from)) ? [i] : [],
        );
  return {
    question,
    prompt: about.join(' ').trim().toLowerCase(),
    promptId: 0,
    promptList: [...promptStems],
    printed,
    units,
    keys,
    pools,
  };
}
