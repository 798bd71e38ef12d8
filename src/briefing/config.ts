/** Loading and checking briefing settings (questions/briefings/*.yaml). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProblemList } from '../errors.js';
import type { Corpus } from '../corpus/article.js';
import type { Blueprint, Paper } from '../quiz/blueprint.js';
import { parseRef, refProblem } from '../corpus/quote.js';
import type { PassageRef } from '../corpus/article.js';
import { listFiles } from '../util/files.js';
import { didYouMean } from '../util/text.js';
import { readYaml } from '../util/yaml-fast.js';
import type { YamlCache } from '../util/yaml-cache.js';
import { validateWith } from '../util/schema-check.js';
import { BriefingSchema, type BriefingInput } from './schema.js';

export type Edition = 'student' | 'teacher';

export interface BriefingConfig {
  id: string;
  title: string;
  subtitle?: string;
  articles?: string[];
  tags?: string[];
  editions: Edition[];
  paper: Paper;
  overview?: string;
  keyPassages?: { ref: PassageRef; context: string }[];
  lessonNotes?: string;
  forQuiz?: string;
  file?: string;
}

export async function loadBriefings(
  dir: string,
  corpus: Corpus,
  blueprints: Blueprint[],
  problems: ProblemList,
  cache?: YamlCache,
): Promise<BriefingConfig[]> {
  const configs: BriefingConfig[] = [];
  for (const file of await listFiles(dir, ['.yaml', '.yml'])) {
    const source = readYaml(file, await readFile(file, 'utf8'), problems, 0, cache);
    if (!source) continue;
    const valid = validateWith(BriefingSchema, source.toJS(), source, [], problems, {
      what: 'briefing',
    });
    if (valid === undefined) continue;
    const input = valid as BriefingInput;
    const expected = path.basename(file).replace(/\.ya?ml$/, '');
    if (input.id !== expected)
      problems.error(
        source.locate(['id']),
        'briefing-id-mismatch',
        `the briefing id "${input.id}" differs from the file name "${path.basename(file)}"; rename the file or change the id`,
      );
    (input.articles ?? []).forEach((id, i) => {
      if (!corpus.byId.has(id))
        problems.error(
          source.locate(['articles', i]),
          'unknown-article',
          `the briefing lists the article "${id}", which is not in corpus/${didYouMean(id, corpus.byId.keys())}`,
        );
    });
    const corpusTags = new Set(corpus.articles.flatMap((a) => a.tags));
    (input.tags ?? []).forEach((tag, i) => {
      if (!corpusTags.has(tag))
        problems.error(
          source.locate(['tags', i]),
          'unknown-tag',
          `the briefing filters on the tag "${tag}", which no article has${didYouMean(tag, corpusTags)}`,
        );
    });
    const keyPassages = (input.key_passages ?? []).flatMap((entry, i) => {
      const ref = parseRef(entry.passage);
      const problem = refProblem(ref, corpus, didYouMean);
      if (problem) {
        problems.error(
          source.locate(['key_passages', i, 'passage']),
          problem.code,
          `the key passage ${problem.message}`,
        );
        return [];
      }
      if (input.articles && !input.articles.includes(ref.article)) {
        problems.warning(
          source.locate(['key_passages', i, 'passage']),
          'key-passage-outside',
          `the key passage ${ref.ref} is from an article this briefing does not use; it will not be printed`,
        );
      }
      return [{ ref, context: entry.context }];
    });
    if (input.for_quiz && !blueprints.some((b) => b.id === input.for_quiz)) {
      problems.error(
        source.locate(['for_quiz']),
        'unknown-quiz',
        `the briefing is aligned to the quiz "${input.for_quiz}", which has no blueprint in questions/quizzes/${didYouMean(
          input.for_quiz,
          blueprints.map((b) => b.id),
        )}`,
      );
    }
    configs.push({
      id: input.id,
      title: input.title,
      ...(input.subtitle ? { subtitle: input.subtitle } : {}),
      ...(input.articles ? { articles: input.articles } : {}),
      ...(input.tags ? { tags: input.tags } : {}),
      editions: input.editions ?? ['student', 'teacher'],
      paper: input.paper ?? 'letter',
      overview: input.overview,
      ...(input.key_passages ? { keyPassages } : {}),
      ...(input.lesson_notes ? { lessonNotes: input.lesson_notes } : {}),
      ...(input.for_quiz ? { forQuiz: input.for_quiz } : {}),
      file,
    });
  }
  return configs;
}
