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
  const draw = classDraw(questions, blueprint, seed);
  return students.map((student) => draw.copy(student));
}

/**
 * A class's copies, one student at a time. `order` is only which questions
 * a copy holds and in what order, without laying each one out: what the
 * explanations booklet needs of every copy, for a fraction of the cost
 * (laying out draws a generator per question). A thread that renders half
 * a class lays out only its own half.
 */
export interface ClassDraw {
  order(student: Student): Question[][];
  copy(student: Student): QuizCopy;
  /**
   * How many different questions the class's copies can hold at most (the
   * shared draw's under vary: order, every section's pool under vary:
   * questions): once that many have been seen, no copy adds another.
   */
  drawable: number;
}

export function classDraw(
  questions: readonly Question[],
  blueprint: Blueprint,
  seed: number,
): ClassDraw {
  const root = quizSeed(blueprint, seed);
  const sectionPools = pools(questions, blueprint);
  const base = baseDraw(blueprint, sectionPools, root);
  const target = (student: Student): CopyTarget => {
    const copySeed = deriveSeed(root, `student:${student.id}`);
    return { label: student.id, version: copyCode(copySeed), seed: copySeed, student };
  };
  const chosen = (copySeed: string): Question[][] =>
    blueprint.vary === 'order'
      ? base
      : varyQuestions(blueprint, sectionPools, base, copySeed, new Map());
  const drawable = new Set(
    (blueprint.vary === 'order' ? base : sectionPools).flat().map((q) => q.id),
  ).size;
  return {
    drawable,
    order: (student) => {
      const copySeed = deriveSeed(root, `student:${student.id}`);
      return orderSections(chosen(copySeed), copySeed, new Map());
    },
    copy: (student) => {
      const t = target(student);
      return layOut(blueprint, seed, t, orderSections(chosen(t.seed), t.seed, new Map()));
    },
  };
}

export function drawStudentCopy(
  questions: readonly Question[],
  blueprint: Blueprint,
  seed: number,
  student: Student,
): QuizCopy {
  return classDraw(questions, blueprint, seed).copy(student);
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
  return layOut(blueprint, seed, target, orderSections(chosen, target.seed, usedOrders));
}

function orderSections(
  chosen: Question[][],
  copySeed: string,
  usedOrders: UsedOrders,
): Question[][] {
  return chosen.map((questions, i) =>
    orderSection(questions, deriveSeed(copySeed, `order:${i}`), usedOrders, i),
  );
}

/** Lays out every question of the ordered sections and balances answer letters. */
function layOut(
  blueprint: Blueprint,
  seed: number,
  target: CopyTarget,
  ordered: Question[][],
): QuizCopy {
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
