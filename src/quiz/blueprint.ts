/**
 * Quiz blueprints: loading, defaults, and the checks that need the bank
 * (unknown tags, sections that cannot be filled), each with file and line.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProblemList } from '../errors.js';
import { HandoutError, type SourceLocation } from '../errors.js';
import type { Bank } from '../bank/load.js';
import type { Corpus } from '../corpus/article.js';
import { listFiles } from '../util/files.js';
import { readYaml, type YamlDocument } from '../util/yaml-fast.js';
import type { YamlCache } from '../util/yaml-cache.js';
import { validateWith } from '../util/schema-check.js';
import { didYouMean, plural } from '../util/text.js';
import { BlueprintSchema, type BlueprintInput, type SectionFilter } from './blueprint-schema.js';
import { matchesFilter } from './filter.js';

export type Paper = 'letter' | 'a4';
export type Vary = 'order' | 'questions';

export interface BlueprintSection {
  index: number;
  title: string;
  instructions?: string;
  pick: number;
  from: SectionFilter;
  /** Where the section is written, for messages. */
  at: SourceLocation;
}

export interface Blueprint {
  id: string;
  title: string;
  instructions?: string;
  seed: number;
  versions: number;
  vary: Vary;
  paper: Paper;
  /** Absolute path of the roster named in the blueprint, if any. */
  roster?: string;
  duplex: boolean;
  /** Print an answer sheet after each copy's questions (`answer_sheet`). */
  answerSheet?: { idDigits: number };
  sections: BlueprintSection[];
  file: string;
}

export const BLUEPRINT_DEFAULTS = { seed: 1, versions: 2, vary: 'order', paper: 'letter' } as const;

export async function loadBlueprints(
  quizzesDir: string,
  problems: ProblemList,
  cache?: YamlCache,
): Promise<Blueprint[]> {
  const files = await listFiles(quizzesDir, ['.yaml', '.yml']);
  const blueprints: Blueprint[] = [];
  for (const file of files) {
    const blueprint = parseBlueprint(file, await readFile(file, 'utf8'), problems, cache);
    if (blueprint) blueprints.push(blueprint);
  }
  return blueprints;
}

export function parseBlueprint(
  file: string,
  text: string,
  problems: ProblemList,
  cache?: YamlCache,
): Blueprint | undefined {
  const source = readYaml(file, text, problems, 0, cache);
  if (!source) return undefined;
  const data = source.toJS();
  const id =
    typeof (data as { id?: unknown } | null)?.id === 'string'
      ? (data as { id: string }).id
      : undefined;
  const valid = validateWith(BlueprintSchema, data, source, [], problems, {
    what: 'quiz blueprint',
    ...(id ? { id } : {}),
  });
  if (valid === undefined) return undefined;
  const input = valid as BlueprintInput;
  const expected = path.basename(file).replace(/\.ya?ml$/, '');
  if (input.id !== expected) {
    problems.error(
      source.locate(['id']),
      'blueprint-id-mismatch',
      `the quiz id "${input.id}" differs from the file name "${path.basename(file)}"; rename the file or change the id so they match`,
    );
  }
  return {
    id: input.id,
    title: input.title,
    ...(input.instructions === undefined ? {} : { instructions: input.instructions }),
    seed: input.seed ?? BLUEPRINT_DEFAULTS.seed,
    versions: input.versions ?? BLUEPRINT_DEFAULTS.versions,
    vary: input.vary ?? BLUEPRINT_DEFAULTS.vary,
    paper: input.paper ?? BLUEPRINT_DEFAULTS.paper,
    ...(input.roster === undefined
      ? {}
      : { roster: path.resolve(path.dirname(file), input.roster) }),
    duplex: input.duplex ?? false,
    ...answerSheetOption(input.answer_sheet),
    sections: input.sections.map((s, index) => ({
      index,
      title: s.title,
      ...(s.instructions === undefined ? {} : { instructions: s.instructions }),
      pick: s.pick,
      from: s.from,
      at: sectionLocation(source, index),
    })),
    file,
  };
}

/**
 * Digits in the student-ID grid of an answer sheet when the blueprint says
 * only `answer_sheet: true`. It lives with the blueprint, which sets it; the
 * sheet layout only draws the number it is given.
 */
export const DEFAULT_ID_DIGITS = 6;

function answerSheetOption(value: BlueprintInput['answer_sheet']): Pick<Blueprint, 'answerSheet'> {
  if (value === undefined || value === false) return {};
  return { answerSheet: { idDigits: value === true ? DEFAULT_ID_DIGITS : value.id_digits } };
}

function sectionLocation(source: YamlDocument, index: number): SourceLocation {
  return source.locate(['sections', index]);
}

/**
 * Checks a blueprint against the bank: filters that name unknown tags,
 * articles or ids, and sections that cannot be filled. Every problem names
 * the blueprint file, the section's line and the counts.
 */
export function checkBlueprint(
  blueprint: Blueprint,
  bank: Bank,
  corpus: Corpus,
  problems: ProblemList,
): void {
  const tags = new Set(bank.questions.flatMap((q) => q.tags));
  const earlier: { pick: number; ids: Set<string> }[] = [];
  for (const section of blueprint.sections) {
    const name = `section ${section.index + 1} ("${section.title}") of quiz "${blueprint.id}"`;
    for (const tag of section.from.tags ?? []) {
      if (!tags.has(tag))
        problems.error(
          section.at,
          'unknown-tag',
          `${name} filters on the tag "${tag}", which no question has${didYouMean(tag, tags)}; use a tag from "handout stats"`,
        );
    }
    for (const article of section.from.articles ?? []) {
      if (!corpus.byId.has(article))
        problems.error(
          section.at,
          'unknown-article',
          `${name} filters on the article "${article}", which is not in corpus/${didYouMean(article, corpus.byId.keys())}`,
        );
    }
    for (const id of section.from.ids ?? []) {
      if (!bank.byId.has(id))
        problems.error(
          section.at,
          'unknown-question',
          `${name} names the question "${id}", which is not in the bank${didYouMean(id, bank.byId.keys())}`,
        );
    }
    const pool = new Set(
      bank.questions.filter((q) => matchesFilter(q, section.from)).map((q) => q.id),
    );
    // Earlier sections may take shared questions first (no question appears
    // twice in a copy): count the worst case, so that every seed works.
    const taken = earlier.reduce(
      (n, e) => n + Math.min(e.pick, [...e.ids].filter((id) => pool.has(id)).length),
      0,
    );
    if (pool.size < section.pick) {
      problems.error(
        section.at,
        'section-too-small',
        `${name} picks ${section.pick}, but its filter matches only ${plural(pool.size, 'question')}; lower "pick" or widen "from"`,
      );
    } else if (pool.size - taken < section.pick) {
      problems.error(
        section.at,
        'section-overlap',
        `${name} picks ${section.pick} from ${plural(pool.size, 'question')}, but earlier sections can take up to ${taken} of them (no question appears twice in a copy), leaving ${pool.size - taken}; lower "pick" or make the filters not overlap`,
      );
    } else if (
      blueprint.vary === 'questions' &&
      blueprint.versions > 1 &&
      pool.size === section.pick
    ) {
      problems.warning(
        section.at,
        'section-cannot-vary',
        `${name} uses vary: questions, but its filter matches exactly ${section.pick} questions, so every version gets the same ones; widen "from" to let versions differ`,
      );
    }
    earlier.push({ pick: section.pick, ids: pool });
  }
}

/** Loads a blueprint by id for a command, failing with a helpful message. */
export function findBlueprint(blueprints: Blueprint[], id: string, quizzesDir: string): Blueprint {
  const found = blueprints.find((b) => b.id === id);
  if (!found) {
    const known = blueprints.map((b) => b.id);
    throw new HandoutError(
      `there is no quiz "${id}" in ${quizzesDir}${didYouMean(id, known)}; ${known.length ? `the quizzes are: ${known.join(', ')}` : 'create a blueprint there (see formats.md §3)'}`,
      { code: 'unknown-quiz' },
    );
  }
  return found;
}
