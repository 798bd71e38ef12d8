/**
 * One question's printed text giving away another's answer, when a quiz
 * can draw both. Compared by word stems (lint/wording.ts: "deployed" and
 * "deployment" are one word), with an index from each rare word to the
 * questions that print it, so a bank of 10,000 questions is checked in one
 * pass, not pair by pair. An answer is a choice's key, a short or numeric
 * answer, a cloze blank, a matching pair, or a true statement of a
 * true/false question.
 */
import type { Question } from '../../bank/question.js';
import { parseCloze } from '../../bank/cloze.js';
import { matchesFilter } from '../../quiz/filter.js';
import type { YamlPath } from '../../util/yaml-source.js';
import type { Blueprint } from '../../quiz/blueprint.js';
import { unhandledType, type Rule } from '../rule.js';
import { contentStems, stem, words } from '../wording.js';

/**
 * A word is distinctive when at most this share of the bank's questions
 * use it (and never fewer than MIN_RARE questions): "Russia" or "treaty"
 * are in every other question and give nothing away; "framework" is not.
 */
const RARE_SHARE = 0.02;
const MIN_RARE = 3;

/**
 * A printed part of a question: its prompt (with what the student knows to
 * be true: a matching's pairs, an ordering's events), or one option. An
 * option is only one possibility among others: "Reuters" as an option of
 * "which agency...?" says nothing about where Reuters reported, so an option
 * gives an answer away only if it also carries words of that answer's prompt.
 */
interface Unit {
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
interface Key {
  kind: 'answer' | 'pair' | 'statement';
  text: string;
  path: YamlPath;
  /** Stems of the answer that neither the prompt nor any distractor has. */
  cue: string[];
}

interface Item {
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

export const answerGivenAway: Rule = {
  id: 'answer-given-away',
  severity: 'warning',
  category: 'item-writing',
  doc: {
    description:
      'When the printed text of one question (its prompt or options) states the answer of another question that a quiz can draw with it, a student finds the answer on the page instead of knowing it. The rule reports the question whose answer is given away, names the one that gives it away with its file and line, and the quiz that can draw both. It compares the distinctive words of the answer (those that tell it from the distractors, and that few questions of the bank use) with the other question\'s text, and looks for words of the first question\'s prompt there too. Words are compared by their stems, so another form of a word counts as the same ("deploy", "deployed", "deployment"); synonyms are not found. An answer is a choice\'s key, a short, numeric or cloze answer, a matching pair (its two sides stated together in a prompt or an ordering\'s event), or a true/false statement that is true (stated as a fact in another prompt). Reword one of the two questions, or, if a student cannot use the cue (explain why), allow the rule on the question whose answer is given away.',
    bad: '- id: chiefs-approved\n  prompt: What did the chiefs of staff approve in Brussels in January 2010?\n  answer: A framework military cooperation treaty\n  distractors: [A joint missile defense plan, A revived CFE regime]\n- id: agreements\n  prompt: Which statement is true of the framework military cooperation treaty?\n  answer: The chiefs of staff approved it in Brussels in January 2010\n  distractors: [Russia signed it in 2012, NATO ratified it]',
    good: '- id: chiefs-approved\n  prompt: What did the chiefs of staff approve in Brussels in January 2010?\n  answer: A framework military cooperation treaty\n  distractors: [A joint missile defense plan, A revived CFE regime]\n- id: agreements\n  prompt: Which statement is true of the military agreement of January 2010?\n  answer: It was approved after a meeting in Brussels\n  distractors: [Russia signed it in 2012, NATO ratified it]',
  },
  across(questions, report, context) {
    const stemsOf = memoStems();
    const blueprints = context.blueprints ?? [];
    const items = questions.map((q) => describe(q, blueprints, stemsOf));
    // Questions with the same prompt are duplicates, not each other's cue: compared by number.
    const promptIds = new Map<string, number>();
    for (const item of items) {
      let id = promptIds.get(item.prompt);
      if (id === undefined) promptIds.set(item.prompt, (id = promptIds.size));
      item.promptId = id;
    }
    // In how many questions each word is printed or is part of an answer.
    const df = new Map<string, number>();
    const count = (s: string) => df.set(s, (df.get(s) ?? 0) + 1);
    for (const item of items) {
      item.printed.forEach(count);
      const extra = new Set<string>();
      for (const key of item.keys) for (const s of key.cue) if (!item.printed.has(s)) extra.add(s);
      extra.forEach(count);
    }
    const rare = Math.max(MIN_RARE, Math.floor(items.length * RARE_SHARE));
    const isRare = (s: string) => (df.get(s) ?? 0) <= rare;
    // Which questions print each rare word.
    const printing = new Map<string, number[]>();
    items.forEach((item, i) => {
      for (const s of item.printed) {
        if (!isRare(s)) continue;
        const list = printing.get(s);
        if (list) list.push(i);
        else printing.set(s, [i]);
      }
    });
    items.forEach((item, i) => {
      let reported: Set<number> | undefined;
      for (const key of item.keys) {
        // The rarest word of the answer: only the questions printing it can give it away.
        let by: string | undefined;
        for (const s of key.cue)
          if (isRare(s) && (by === undefined || df.get(s)! < df.get(by)!)) by = s;
        // No question prints it: none prints the whole answer.
        const candidates = by === undefined ? undefined : printing.get(by);
        if (!candidates) continue;
        for (const j of candidates) {
          if (j === i || reported?.has(j)) continue;
          const other = items[j]!;
          if (other.promptId === item.promptId || !givesAway(item, key, other)) continue;
          // The answer's words alone may be an option among others: the prompt's words beside them link it.
          const linked = item.promptList
            .filter((s) => other.printed.has(s))
            .sort((a, b) => df.get(a)! - df.get(b)!);
          if (key.kind === 'answer' && !linked.some(isRare) && linked.length < 3) continue;
          const quiz = sharedQuiz(item.pools, other.pools);
          if (quiz === undefined) continue;
          (reported ??= new Set()).add(j);
          const shown = (stems: string[], text: string) =>
            stems.map((s) => `"${words(text).find((w) => stem(w) === s) ?? s}"`).join(', ');
          const drawn =
            quiz === -1
              ? 'a quiz can draw both'
              : `the quiz "${blueprints[quiz]!.id}" can draw both`;
          const given = `is given away by question "${other.question.id}" (${context.where(other.question.id)})`;
          const what =
            key.kind === 'answer'
              ? `its answer "${key.text}" ${given}, which prints ${shown(key.cue, key.text)} next to ${shown(linked.slice(0, 4), item.prompt)} from this question`
              : key.kind === 'pair'
                ? `its pair "${key.text}" ${given}, which prints ${shown(key.cue, key.text)} together`
                : `its statement, true, ${given}, which states ${shown(key.cue, key.text)} as a fact`;
          report(item.question.id, {
            path: key.path,
            message: `${what}; ${drawn}. Reword one of them, or if students cannot use it, add allow: { answer-given-away: "why" } to this question`,
          });
        }
      }
    });
  },
};

/**
 * Whether one printed part of `other` holds every word of the key: an
 * option only with a word of the prompt too, and only for an answer.
 */
function givesAway(item: Item, key: Key, other: Item): boolean {
  return other.units.some(
    (unit) =>
      key.cue.every((s) => unit.stems.has(s)) &&
      (!unit.option || (key.kind === 'answer' && item.promptList.some((s) => unit.stems.has(s)))),
  );
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

/** The first quiz (blueprint index) that can draw both; -1 when the project has no quizzes. */
function sharedQuiz(a: number[], b: number[]): number | undefined {
  if (a.length === 1 && a[0] === -1) return -1;
  return a.find((x) => b.includes(x));
}

const NUMBER_GROUPS = /(\d),(?=\d{3}\b)/g;

/**
 * Stems of a text, with "1,550" read as one number. Remembered for the run:
 * the same options ("Russia", "NATO", names) recur across a bank.
 */
function memoStems(): (text: string) => ReadonlySet<string> {
  const known = new Map<string, ReadonlySet<string>>();
  return (text) => {
    let stems = known.get(text);
    if (!stems) known.set(text, (stems = contentStems(text.replace(NUMBER_GROUPS, '$1'))));
    return stems;
  };
}

function describe(
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
