/**
 * Drawing copies: a pure function of (bank, blueprint, seed). Seeds are
 * derived quiz → copy → section → question, so the same seed always gives
 * the same copies and changing one thing disturbs as little as possible.
 */
import { compareStrings } from '../errors.js';
import type { Question, SingleQuestion } from '../bank/question.js';
import { letter } from '../util/text.js';
import type { Blueprint } from './blueprint.js';
import type { CopyItem, CopySection, QuizCopy, Student } from './copy.js';
import { matchesFilter } from './filter.js';
import { balanceAnswerLetters } from './balance.js';
import { present } from './present.js';
import { pickMatching, pickRanked } from './select.js';
import { copyCode, deriveSeed, random, shuffle } from './seed.js';

export function quizSeed(blueprint: Blueprint, seed: number): string {
  return deriveSeed('handout', `${blueprint.id}:${seed}`);
}

/** The questions each section may draw, in id order (never file order). */
function pools(questions: readonly Question[], blueprint: Blueprint): Question[][] {
  const sorted = [...questions].sort((a, b) => compareStrings(a.id, b.id));
  return blueprint.sections.map((s) => sorted.filter((q) => matchesFilter(q, s.from)));
}

/** The questions every copy shares under vary: order (and the profile under vary: questions). */
function baseDraw(blueprint: Blueprint, sectionPools: Question[][], root: string): Question[][] {
  const onCopy = new Set<string>();
  return blueprint.sections.map((section, i) => {
    const picked = pickRanked(
      section,
      sectionPools[i]!,
      onCopy,
      deriveSeed(root, `section:${i}`),
      blueprint.id,
    );
    picked.forEach((q) => onCopy.add(q.id));
    return picked;
  });
}

interface CopyTarget {
  label: string;
  version: string;
  seed: string;
  student?: Student;
}

/** Versions A, B, ...: they are drawn together so that they differ from each other. */
export function drawVersions(
  questions: readonly Question[],
  blueprint: Blueprint,
  seed: number,
  count = blueprint.versions,
): QuizCopy[] {
  const root = quizSeed(blueprint, seed);
  const sectionPools = pools(questions, blueprint);
  const base = baseDraw(blueprint, sectionPools, root);
  const usage = new Map<string, number>();
  const usedOrders: UsedOrders = new Map();
  const copies: QuizCopy[] = [];
  for (let v = 0; v < count; v++) {
    const label = letter(v);
    const target = { label, version: label, seed: deriveSeed(root, `version:${label}`) };
    const chosen =
      blueprint.vary === 'order'
        ? base
        : varyQuestions(blueprint, sectionPools, base, target.seed, usage);
    chosen.flat().forEach((q) => usage.set(q.id, (usage.get(q.id) ?? 0) + 1));
    copies.push(assemble(blueprint, seed, target, chosen, usedOrders));
  }
  return copies;
}

/**
 * Students' personal copies. Each depends only on the quiz seed and the
 * student's id, so re-running for one late student reproduces their copy;
 * the shared base draw is computed once for the whole class.
 */
export function drawStudentCopies(
  questions: readonly Question[],
  blueprint: Blueprint,
  seed: number,
  students: readonly Student[],
): QuizCopy[] {
  const root = quizSeed(blueprint, seed);
  const sectionPools = pools(questions, blueprint);
  const base = baseDraw(blueprint, sectionPools, root);
  return students.map((student) => {
    const copySeed = deriveSeed(root, `student:${student.id}`);
    const target = { label: student.id, version: copyCode(copySeed), seed: copySeed, student };
    const chosen =
      blueprint.vary === 'order'
        ? base
        : varyQuestions(blueprint, sectionPools, base, copySeed, new Map());
    return assemble(blueprint, seed, target, chosen, new Map());
  });
}

export function drawStudentCopy(
  questions: readonly Question[],
  blueprint: Blueprint,
  seed: number,
  student: Student,
): QuizCopy {
  return drawStudentCopies(questions, blueprint, seed, [student])[0]!;
}

function varyQuestions(
  blueprint: Blueprint,
  sectionPools: Question[][],
  base: Question[][],
  copySeed: string,
  usage: ReadonlyMap<string, number>,
): Question[][] {
  const onCopy = new Set<string>();
  return blueprint.sections.map((section, i) => {
    const picked = pickMatching(
      section,
      sectionPools[i]!,
      onCopy,
      base[i]!,
      deriveSeed(copySeed, `section:${i}`),
      usage,
      blueprint.id,
    );
    picked.forEach((q) => onCopy.add(q.id));
    return picked;
  });
}

/** Orders each section, lays out every question and balances answer letters. */
function assemble(
  blueprint: Blueprint,
  seed: number,
  target: CopyTarget,
  chosen: Question[][],
  usedOrders: UsedOrders,
): QuizCopy {
  const ordered = chosen.map((questions, i) =>
    orderSection(questions, deriveSeed(target.seed, `order:${i}`), usedOrders, i),
  );
  const flat = ordered.flat();
  // Seeds derived on first use (see random): most questions draw no number.
  const rngFor = (q: Question) => random(() => deriveSeed(target.seed, `question:${q.id}`));
  const singles = flat.filter((q): q is SingleQuestion => q.type === 'single');
  const answerAt = new Map(
    balanceAnswerLetters(singles, (q) =>
      random(() => deriveSeed(target.seed, `letter:${q.id}`)),
    ).map((index, i) => [singles[i]!.id, index]),
  );
  let number = 0;
  const sections: CopySection[] = blueprint.sections.map((section, i) => ({
    title: section.title,
    ...(section.instructions === undefined ? {} : { instructions: section.instructions }),
    items: ordered[i]!.map((question): CopyItem => ({
      number: ++number,
      question,
      points: question.points,
      presentation: present(question, rngFor(question), answerAt.get(question.id)),
    })),
  }));
  const items = sections.flatMap((s) => s.items);
  return {
    quizId: blueprint.id,
    title: blueprint.title,
    ...(blueprint.instructions === undefined ? {} : { instructions: blueprint.instructions }),
    paper: blueprint.paper,
    seed,
    label: target.label,
    version: target.version,
    ...(target.student ? { student: target.student } : {}),
    sections,
    items,
    totalPoints: items.reduce((n, item) => n + item.points, 0),
  };
}

/** Section index → the orders earlier versions already used. */
type UsedOrders = Map<number, Set<string>>;

/**
 * Shuffles a section's questions. Versions must not share an order when
 * the section has room for it, so a repeat is reshuffled with a new seed.
 */
function orderSection(
  questions: Question[],
  seed: string,
  used: UsedOrders,
  section: number,
): Question[] {
  const sorted = [...questions].sort((a, b) => compareStrings(a.id, b.id));
  const seen = used.get(section) ?? new Set<string>();
  const key = (order: Question[]): string => order.map((q) => q.id).join(',');
  let order = shuffle(sorted, random(seed));
  for (let attempt = 1; attempt < 20 && sorted.length > 1 && seen.has(key(order)); attempt++) {
    order = shuffle(sorted, random(`${seed}:${attempt}`));
  }
  used.set(section, seen.add(key(order)));
  return order;
}
