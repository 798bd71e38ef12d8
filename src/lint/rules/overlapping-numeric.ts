/** Numeric options whose ranges overlap, so two of them can be right. */
import type { YamlPath } from '../../util/yaml-source.js';
import { unhandledType, type Rule } from '../rule.js';
import { plainText } from '../wording.js';

export const overlappingNumeric: Rule = {
  id: 'overlapping-numeric',
  severity: 'warning',
  category: 'item-writing',
  doc: {
    description:
      'Options that give numbers or ranges ("between 10 and 20", "more than 15", "at least 20") must not overlap: if the true figure lies in two of them, a student is right with either and the key has two answers. Make the ranges meet without sharing a value ("10 to 19", "20 to 29"). Options are compared only when they use the same unit.',
    bad: 'answer: Between 10 and 20 helicopters\ndistractors: [More than 15 helicopters, Fewer than 10 helicopters]',
    good: 'answer: Between 10 and 20 helicopters\ndistractors: [More than 20 helicopters, Fewer than 10 helicopters]',
  },
  question(question, report) {
    const options: { text: string; path: YamlPath }[] = [];
    switch (question.type) {
      case 'single':
        options.push({ text: question.answer, path: ['answer'] });
        break;
      case 'multiple':
        question.answers.forEach((text, i) => options.push({ text, path: ['answers', i] }));
        break;
      case 'true-false':
      case 'short':
      case 'numeric':
      case 'cloze':
      case 'matching':
      case 'ordering':
      case 'essay':
        return; // no options that are numbers
      default:
        return unhandledType(question);
    }
    question.distractors.forEach((text, i) => options.push({ text, path: ['distractors', i] }));
    const ranges = options.map((o) => parseRange(o.text));
    for (let j = 1; j < options.length; j++) {
      const b = ranges[j];
      if (!b) continue;
      for (let i = 0; i < j; i++) {
        const a = ranges[i];
        if (!a || a.unit !== b.unit || !overlap(a, b)) continue;
        report({
          path: options[j]!.path,
          message: `"${options[j]!.text}" overlaps "${options[i]!.text}": a figure in both would make two options right; make the ranges meet without sharing a value`,
        });
        break;
      }
    }
  },
};

export interface Range {
  low: number;
  high: number;
  /** Whether each end belongs to the range. */
  lowIn: boolean;
  highIn: boolean;
  /** The words after the number(s), e.g. "helicopters"; only ranges in the same unit compare. */
  unit: string;
}

const NUMBER = String.raw`(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)`;
const UNIT = String.raw`\s*((?:%|[a-z][a-z-]*)(?:\s+[a-z][a-z-]*)*)?`;
const FORMS: { re: RegExp; range: (a: number, b: number) => Omit<Range, 'unit'> }[] = [
  {
    re: new RegExp(`^(?:between|from)?\\s*${NUMBER}\\s*(?:and|to|-|–|—)\\s*${NUMBER}${UNIT}$`),
    range: (a, b) => ({ low: Math.min(a, b), high: Math.max(a, b), lowIn: true, highIn: true }),
  },
  {
    re: new RegExp(`^(?:more than|over|above|greater than)\\s+${NUMBER}${UNIT}$`),
    range: (a) => ({ low: a, high: Infinity, lowIn: false, highIn: false }),
  },
  {
    re: new RegExp(`^(?:at least|no fewer than|no less than)\\s+${NUMBER}${UNIT}$`),
    range: (a) => ({ low: a, high: Infinity, lowIn: true, highIn: false }),
  },
  {
    re: new RegExp(`^(?:less than|fewer than|under|below)\\s+${NUMBER}${UNIT}$`),
    range: (a) => ({ low: -Infinity, high: a, lowIn: false, highIn: false }),
  },
  {
    re: new RegExp(`^(?:at most|up to|no more than)\\s+${NUMBER}${UNIT}$`),
    range: (a) => ({ low: -Infinity, high: a, lowIn: false, highIn: true }),
  },
  {
    re: new RegExp(`^(?:about|around|roughly|exactly|in)?\\s*${NUMBER}${UNIT}$`),
    range: (a) => ({ low: a, high: a, lowIn: true, highIn: true }),
  },
];

/** An option read as a number or a range, if it is one. */
export function parseRange(option: string): Range | undefined {
  const text = plainText(option).toLowerCase().replace(/[.!]$/, '');
  for (const form of FORMS) {
    const match = form.re.exec(text);
    if (!match) continue;
    const numbers = match.slice(1, -1).map((n) => Number(n!.replace(/,/g, '')));
    const unit = match[match.length - 1] ?? '';
    // "N or more" and "N or fewer" ("30 or more helicopters", "30 helicopters or more").
    const bound =
      /^(?:or (more|over|above|fewer|less|under|below)\b\s*(.*)|(.*?)\s*or (more|over|above|fewer|less|under|below))$/.exec(
        unit,
      );
    if (numbers.length === 1 && bound) {
      const word = bound[1] ?? bound[4]!;
      const rest = bound[2] ?? bound[3] ?? '';
      return /more|over|above/.test(word)
        ? { low: numbers[0]!, high: Infinity, lowIn: true, highIn: false, unit: rest }
        : { low: -Infinity, high: numbers[0]!, lowIn: false, highIn: true, unit: rest };
    }
    return { ...form.range(numbers[0]!, numbers[1] ?? numbers[0]!), unit };
  }
  return undefined;
}

export function overlap(a: Range, b: Range): boolean {
  const low = Math.max(a.low, b.low);
  const high = Math.min(a.high, b.high);
  if (low < high) return true;
  if (low > high) return false;
  // They touch at one value: it is in both only if both include it.
  const aHas = (a.low < low || a.lowIn) && (a.high > low || a.highIn);
  const bHas = (b.low < low || b.lowIn) && (b.high > low || b.highIn);
  return aHas && bHas;
}
