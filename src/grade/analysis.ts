/**
 * Item analysis of a graded class. Items are identified by question id, not
 * position: a question that is item 3 on version A and item 7 on version B
 * is one item here. Pure: scored sheets in, numbers and flags out.
 */
import { compareStrings } from '../errors.js';
import type { Question } from '../bank/question.js';
import type { QuizCopy } from '../quiz/copy.js';
import { countOptions, popularDistractors, type OptionCounts } from './distractors.js';
import type { ScoredItem, ScoredSheet } from './score.js';
import {
  cronbachAlpha,
  itemRestCorrelation,
  kr20,
  mean,
  median,
  sampleSd,
  upperLowerIndex,
} from './statistics.js';

/** Thresholds for flags; docs/grading.md explains each. */
export const FLAG_LIMITS = {
  hardBelow: 0.3,
  easyAbove: 0.9,
  discriminationBelow: 0.2,
  blankShareAbove: 0.2,
} as const;

export type FlagCode =
  | 'hard'
  | 'easy'
  | 'low-discrimination'
  | 'negative-discrimination'
  | 'distractor-beats-key'
  | 'often-blank';

export interface Flag {
  code: FlagCode;
  /** Plain words for the teacher: what was seen and what to check. */
  message: string;
}

export interface ItemAnalysis {
  question: Question;
  points: number;
  /** Where the item was printed: version letter and item number (versions only). */
  positions: { version: string; number: number }[];
  /** Students whose copy had the item. */
  students: number;
  /** Students who wrote something. */
  answered: number;
  /** Mean share of the points earned (proportion correct for right/wrong items). */
  facility: number;
  /** Share of students earning the full points. */
  fullCredit: number;
  /** Corrected item-rest correlation (point-biserial for right/wrong items). */
  discrimination: number | null;
  /** Upper minus lower 27% facility. */
  upperLower: number | null;
  /** Option counts for single, multiple and true-false items. */
  options?: OptionCounts;
  flags: Flag[];
}

export interface Reliability {
  /** KR-20 with every item scored right (full points) or wrong. */
  kr20: number | null;
  /** Cronbach's alpha on the points, partial credit included. */
  alpha: number | null;
  /** Why the coefficients are missing, when they are. */
  note?: string;
}

export interface ScoreSummary {
  students: number;
  items: number;
  /** Points available on a copy (copies of one quiz are balanced in points). */
  maxPoints: number;
  mean: number;
  median: number;
  sd: number;
  min: number;
  max: number;
  meanPercent: number;
  /** Students per band of ten percentage points, lowest band first; 100% joins 90–100. */
  distribution: { from: number; to: number; count: number }[];
}

export interface ClassAnalysis {
  summary: ScoreSummary;
  reliability: Reliability;
  items: ItemAnalysis[];
}

export function percent(total: number, max: number): number {
  return max > 0 ? (100 * total) / max : 0;
}

/**
 * `versions` are the printed versions A, B... when the quiz has them (not
 * for personal roster copies): they give each item's printed positions and
 * the order of the item table (version A's).
 */
export function analyseClass(
  sheets: readonly ScoredSheet[],
  versions: readonly QuizCopy[] = [],
): ClassAnalysis {
  return {
    summary: summarise(sheets),
    reliability: reliability(sheets),
    items: itemOrder(sheets, versions[0]).map((question) =>
      analyseItem(question, sheets, positionsOf(question.id, versions)),
    ),
  };
}

function summarise(sheets: readonly ScoredSheet[]): ScoreSummary {
  const totals = sheets.map((s) => s.total);
  const percents = sheets.map((s) => percent(s.total, s.max));
  const distribution = Array.from({ length: 10 }, (_, i) => ({
    from: i * 10,
    to: i * 10 + (i === 9 ? 10 : 9),
    count: 0,
  }));
  for (const p of percents) distribution[Math.min(9, Math.floor(p / 10 + 1e-9))]!.count++;
  return {
    students: sheets.length,
    items: Math.max(0, ...sheets.map((s) => s.items.length)),
    maxPoints: Math.max(0, ...sheets.map((s) => s.max)),
    mean: mean(totals),
    median: median(totals),
    sd: sampleSd(totals),
    min: totals.length ? Math.min(...totals) : 0,
    max: totals.length ? Math.max(...totals) : 0,
    meanPercent: mean(percents),
    distribution,
  };
}

/** Reliability needs every student to have answered the same items. */
function reliability(sheets: readonly ScoredSheet[]): Reliability {
  const ids = sheets[0]?.items.map((s) => s.item.question.id).sort(compareStrings) ?? [];
  const same = sheets.every(
    (s) =>
      s.items
        .map((i) => i.item.question.id)
        .sort(compareStrings)
        .join('\n') === ids.join('\n'),
  );
  if (!same)
    return {
      kr20: null,
      alpha: null,
      note: 'not computed: the copies have different questions (vary: questions)',
    };
  const rows = sheets.map((s) => {
    const byId = new Map(s.items.map((i) => [i.item.question.id, i]));
    return ids.map((id) => byId.get(id)!);
  });
  const result = {
    kr20: kr20(rows.map((row) => row.map((i) => i.credit >= 1 - 1e-9))),
    alpha: cronbachAlpha(rows.map((row) => row.map((i) => i.points))),
  };
  const note =
    result.kr20 === null && result.alpha === null
      ? 'not computed: it needs at least two students, two items and scores that differ'
      : undefined;
  return note === undefined ? result : { ...result, note };
}

/**
 * Order of the item table: position on version A, then questions only
 * other copies had, by their earliest position (then id, so personal
 * copies shuffled differently still give one stable order).
 */
function itemOrder(sheets: readonly ScoredSheet[], reference: QuizCopy | undefined): Question[] {
  const taken = new Map<string, { question: Question; first: number }>();
  const consider = (question: Question, rank: number): void => {
    const known = taken.get(question.id);
    if (!known || rank < known.first) taken.set(question.id, { question, first: rank });
  };
  for (const sheet of sheets)
    for (const s of sheet.items) consider(s.item.question, 1000 + s.item.number);
  for (const item of reference?.items ?? [])
    if (taken.has(item.question.id)) consider(item.question, item.number);
  return [...taken.values()]
    .sort((a, b) => a.first - b.first || compareStrings(a.question.id, b.question.id))
    .map((t) => t.question);
}

function positionsOf(
  id: string,
  copies: readonly QuizCopy[],
): { version: string; number: number }[] {
  return copies.flatMap((c) =>
    c.items
      .filter((i) => i.question.id === id)
      .map((i) => ({ version: c.version, number: i.number })),
  );
}

function analyseItem(
  question: Question,
  sheets: readonly ScoredSheet[],
  positions: { version: string; number: number }[],
): ItemAnalysis {
  const taking: { scored: ScoredItem; total: number }[] = [];
  for (const sheet of sheets) {
    const scored = sheet.items.find((s) => s.item.question.id === question.id);
    if (scored) taking.push({ scored, total: sheet.total });
  }
  const credits = taking.map((t) => t.scored.credit);
  const totals = taking.map((t) => t.total);
  const options = countOptions(
    question,
    taking.map((t) => t.scored),
  );
  const analysis: ItemAnalysis = {
    question,
    points: taking[0]?.scored.item.points ?? question.points,
    positions,
    students: taking.length,
    answered: taking.filter((t) => t.scored.answer !== null).length,
    facility: mean(credits),
    fullCredit: mean(credits.map((c) => (c >= 1 - 1e-9 ? 1 : 0))),
    discrimination: itemRestCorrelation(
      credits,
      taking.map((t) => t.scored.points),
      totals,
    ),
    upperLower: upperLowerIndex(credits, totals),
    ...(options ? { options } : {}),
    flags: [],
  };
  return { ...analysis, flags: flagsFor(analysis) };
}

function fixed(n: number): string {
  return n.toFixed(2).replace('-', '−');
}

export function flagsFor(item: ItemAnalysis): Flag[] {
  if (item.students === 0) return [];
  const flags: Flag[] = [];
  if (item.facility < FLAG_LIMITS.hardBelow) {
    flags.push({
      code: 'hard',
      message: `hard: facility ${fixed(item.facility)}; check the key and whether the passage was taught`,
    });
  } else if (item.facility > FLAG_LIMITS.easyAbove) {
    flags.push({
      code: 'easy',
      message: `easy: facility ${fixed(item.facility)}; it tells strong and weak students apart little`,
    });
  }
  if (item.discrimination !== null && item.discrimination < 0) {
    flags.push({
      code: 'negative-discrimination',
      message: `negative discrimination (${fixed(item.discrimination)}): students who did worse overall did better here; check the key and the wording`,
    });
  } else if (
    item.discrimination !== null &&
    item.discrimination < FLAG_LIMITS.discriminationBelow
  ) {
    flags.push({
      code: 'low-discrimination',
      message: `low discrimination (${fixed(item.discrimination)}): the item barely separates stronger from weaker students`,
    });
  }
  for (const o of item.options ? popularDistractors(item.options) : []) {
    flags.push({
      code: 'distractor-beats-key',
      message: `the wrong option “${o.text}” was chosen more often than the key; check the key and whether the option is defensible`,
    });
  }
  const blankShare = 1 - item.answered / item.students;
  if (blankShare > FLAG_LIMITS.blankShareAbove) {
    flags.push({
      code: 'often-blank',
      message: `left blank by ${Math.round(blankShare * 100)}% of students; was there time, and is the question clear?`,
    });
  }
  return flags;
}
