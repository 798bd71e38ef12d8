/**
 * The grade report as HTML (templates/grade/report.njk, through the shared
 * page layout): numbers are formatted here so the template only lays them
 * out. No JavaScript: the histogram is a table with inline SVG bars, which
 * prints in black and white and reads as a table to a screen reader.
 */
import { TYPE_LABELS, type Question } from '../bank/question.js';
import { parseCloze } from '../bank/cloze.js';
import { markdownToText } from '../render/markdown.js';
import { firstWords } from '../util/text.js';
import { renderTemplate, type Environment } from '../render/env.js';
import { pageFrame } from '../render/page.js';
import type { Blueprint } from '../quiz/blueprint.js';
import type { ClassAnalysis, FlagCode, ItemAnalysis } from './analysis.js';
import { FLAG_LIMITS } from './analysis.js';
import { RETEACH_BELOW, type PassageResult } from './passages.js';
import { points } from './scores-csv.js';

export interface ReportInput {
  blueprint: Blueprint;
  seed: number;
  /** The responses file as the teacher named it (relative to the project). */
  responsesName: string;
  analysis: ClassAnalysis;
  passages: PassageResult[];
  /** Rows left out with --skip-invalid. */
  leftOut: { row: number; id: string }[];
  /** Roster students with no row in the responses. */
  missing: { id: string; name: string }[];
}

export interface ReportContext {
  env: Environment;
  /** URL of out/assets as seen from the report's folder. */
  assetsUrl: string;
}

const FLAG_LABELS: Record<FlagCode, string> = {
  hard: 'hard',
  easy: 'easy',
  'low-discrimination': 'low discrimination',
  'negative-discrimination': 'negative discrimination',
  'distractor-beats-key': 'distractor beats key',
  'often-blank': 'often blank',
};

/** Two decimals with a real minus sign; an em dash when undefined. */
export function decimal(n: number | null): string {
  return n === null
    ? '—'
    : n
        .toFixed(2)
        .replace(/^-/, '−')
        .replace(/^−0\.00$/, '0.00');
}

function percentText(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** The prompt as plain text, shortened for a table cell; cloze blanks print as a line. */
export function shortPrompt(question: Question, words = 14): string {
  const text =
    question.type === 'cloze'
      ? parseCloze(question.text)
          .map((p) => (p.kind === 'text' ? p.text : '____'))
          .join('')
      : question.prompt;
  return firstWords(markdownToText(text), words);
}

function positionsText(item: ItemAnalysis): string {
  return item.positions.map((p) => `${p.version}${p.number}`).join(', ');
}

function itemView(item: ItemAnalysis) {
  return {
    id: item.question.id,
    positions: positionsText(item),
    prompt: shortPrompt(item.question),
    type: TYPE_LABELS[item.question.type],
    points: points(item.points),
    students: item.students,
    facility: decimal(item.facility),
    full_credit: percentText(item.fullCredit),
    discrimination: decimal(item.discrimination),
    upper_lower: decimal(item.upperLower),
    flag_labels: item.flags.map((f) => FLAG_LABELS[f.code]),
    flag_messages: item.flags.map((f) => f.message),
  };
}

function distractorView(item: ItemAnalysis) {
  const options = item.options!;
  const share = (n: number) => (item.students ? percentText(n / item.students) : '—');
  return {
    ...itemView(item),
    options: options.options.map((o) => ({
      text: o.text,
      correct: o.correct,
      count: o.count,
      share: share(o.count),
    })),
    blank: options.blank,
    blank_share: share(options.blank),
  };
}

function histogram(analysis: ClassAnalysis) {
  const most = Math.max(1, ...analysis.summary.distribution.map((d) => d.count));
  return [...analysis.summary.distribution].reverse().map((d) => ({
    label: `${d.from}–${d.to}%`,
    count: d.count,
    width: Math.round((1000 * d.count) / most) / 10,
  }));
}

export function renderReport(input: ReportInput, context: ReportContext): string {
  const { blueprint, seed, analysis } = input;
  const s = analysis.summary;
  const title = `Grade report: ${blueprint.title}`;
  return renderTemplate(context.env, 'grade/report.njk', {
    ...pageFrame({
      title,
      paper: blueprint.paper,
      assetsUrl: context.assetsUrl,
      headerLeft: blueprint.title,
      headerRight: 'Grade report',
      footerLeft: `${blueprint.id} · seed ${seed}`,
    }),
    quiz: { id: blueprint.id, title: blueprint.title, seed },
    responses_name: input.responsesName,
    summary: {
      students: s.students,
      items: s.items,
      max_points: points(s.maxPoints),
      mean: points(s.mean),
      mean_percent: `${s.meanPercent.toFixed(1)}%`,
      median: points(s.median),
      sd: points(s.sd),
      min: points(s.min),
      max: points(s.max),
    },
    reliability: {
      kr20: decimal(analysis.reliability.kr20),
      alpha: decimal(analysis.reliability.alpha),
      note: analysis.reliability.note,
    },
    histogram: histogram(analysis),
    show_positions: analysis.items.some((i) => i.positions.length > 0),
    items: analysis.items.map(itemView),
    flagged: analysis.items.filter((i) => i.flags.length > 0).map(itemView),
    choice_items: analysis.items.filter((i) => i.options && i.students > 0).map(distractorView),
    passages: input.passages.map((p) => ({
      title: p.title,
      paragraph: p.paragraph,
      ref: p.ref,
      opening: p.opening,
      items: p.questions.length,
      questions: p.questions.join(', '),
      facility: decimal(p.facility),
      reteach: p.reteach,
    })),
    reteach_count: input.passages.filter((p) => p.reteach).length,
    limits: {
      hard: decimal(FLAG_LIMITS.hardBelow),
      easy: decimal(FLAG_LIMITS.easyAbove),
      discrimination: decimal(FLAG_LIMITS.discriminationBelow),
      blank: percentText(FLAG_LIMITS.blankShareAbove),
      reteach: decimal(RETEACH_BELOW),
    },
    left_out: input.leftOut,
    missing: input.missing,
  });
}
