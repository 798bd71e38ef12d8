/**
 * One question's printed text giving away another's answer, when a quiz
 * can draw both. Compared by word stems (lint/wording.ts: "deployed" and
 * "deployment" are one word), with an index from each rare word to the
 * questions that print it, so a bank of 10,000 questions is checked in one
 * pass, not pair by pair. What each question prints and what its answers
 * are is read by lint/answer-cues.ts; this rule compares them.
 */
import type { Blueprint } from '../../quiz/blueprint.js';
import { describe, memoStems, type Item, type Key } from '../answer-cues.js';
import type { Rule, RuleContext } from '../rule.js';
import { stem, words } from '../wording.js';

/**
 * A word is distinctive when at most this share of the bank's questions
 * use it (and never fewer than MIN_RARE questions): "Russia" or "treaty"
 * are in every other question and give nothing away; "framework" is not.
 */
const RARE_SHARE = 0.02;
const MIN_RARE = 3;

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
          report(item.question.id, {
            path: key.path,
            message: givenAwayMessage(item, key, other, linked, quiz, blueprints, context),
          });
        }
      }
    });
  },
};

/**
 * What the teacher reads: which answer is given away, by which question
 * (with its file and line) and the words it prints, and the quiz that can
 * draw both.
 */
function givenAwayMessage(
  item: Item,
  key: Key,
  other: Item,
  linked: readonly string[],
  quiz: number,
  blueprints: readonly Blueprint[],
  context: RuleContext,
): string {
  const shown = (stems: readonly string[], text: string) =>
    stems.map((s) => `"${words(text).find((w) => stem(w) === s) ?? s}"`).join(', ');
  const drawn =
    quiz === -1 ? 'a quiz can draw both' : `the quiz "${blueprints[quiz]!.id}" can draw both`;
  const given = `is given away by question "${other.question.id}" (${context.where(other.question.id)})`;
  const what =
    key.kind === 'answer'
      ? `its answer "${key.text}" ${given}, which prints ${shown(key.cue, key.text)} next to ${shown(linked.slice(0, 4), item.prompt)} from this question`
      : key.kind === 'pair'
        ? `its pair "${key.text}" ${given}, which prints ${shown(key.cue, key.text)} together`
        : `its statement, true, ${given}, which states ${shown(key.cue, key.text)} as a fact`;
  return `${what}; ${drawn}. Reword one of them, or if students cannot use it, add allow: { answer-given-away: "why" } to this question`;
}

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

/** The first quiz (blueprint index) that can draw both; -1 when the project has no quizzes. */
function sharedQuiz(a: number[], b: number[]): number | undefined {
  if (a.length === 1 && a[0] === -1) return -1;
  return a.find((x) => b.includes(x));
}
