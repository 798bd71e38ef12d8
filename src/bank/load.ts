/**
 * Loads the question bank: every `questions/**\/*.yaml` except the quiz,
 * briefing and reference folders. Each question is checked against the
 * schema of its type (read-file.ts); every problem is collected with its
 * line and column. Here the files' questions become one bank, ids unique
 * across it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProblemList, SourceLocation } from '../errors.js';
import { listFiles } from '../util/files.js';
import type { YamlPath } from '../util/yaml-source.js';
import { readYaml, type YamlDocument } from '../util/yaml-fast.js';
import type { YamlCache } from '../util/yaml-cache.js';
import type { Citing, Question } from './question.js';
import { readBankFile } from './read-file.js';

/** Folders of `questions/` that hold other kinds of YAML than questions. */
export const NON_BANK_FOLDERS = ['quizzes', 'briefings', 'reference'];

export interface Bank {
  questions: Question[];
  byId: Map<string, Question>;
  /**
   * Questions that failed their schema but whose citations can still be
   * checked, so that one lint run reports those problems too.
   */
  incomplete: Citing[];
  files: string[];
  /** Where a field of a question is written, for messages about it. */
  locate(id: string, path?: YamlPath): SourceLocation;
  locateKey(id: string, path: YamlPath): SourceLocation;
}

/** `cache`: earlier runs' readings of the files (see util/yaml-cache.ts). */
export async function loadBank(
  questionsDir: string,
  problems: ProblemList,
  cache?: YamlCache,
): Promise<Bank> {
  const files = await listFiles(questionsDir, ['.yaml', '.yml'], NON_BANK_FOLDERS);
  const texts = await Promise.all(files.map((file) => readFile(file, 'utf8')));
  return buildBank(
    files.map((file, i) => ({ file, text: texts[i]! })),
    problems,
    path.dirname(questionsDir),
    cache,
  );
}

interface Located {
  source: YamlDocument;
  path: YamlPath;
}

/** `root` is the project folder, against which other files are named in messages. */
export function buildBank(
  files: { file: string; text: string }[],
  problems: ProblemList,
  root: string,
  cache?: YamlCache,
): Bank {
  const questions: Question[] = [];
  const incomplete: Citing[] = [];
  const byId = new Map<string, Question>();
  const where = new Map<string, Located>();
  for (const { file, text } of files) {
    const source = readYaml(file, text, problems, 0, cache);
    if (!source) continue;
    for (const entry of readBankFile(source, problems)) {
      if (entry.id === undefined) continue;
      const first = where.get(entry.id);
      if (first) {
        const at = first.source.locate([...first.path, 'id']);
        problems.error(
          source.locate([...entry.path, 'id']),
          'duplicate-id',
          `the id "${entry.id}" is already used at ${path.relative(root, at.file).split(path.sep).join('/')}:${at.line}:${at.column}; ids must be unique across the bank, so rename one of them`,
          entry.id,
        );
        continue;
      }
      where.set(entry.id, { source, path: entry.path });
      if (entry.question) {
        byId.set(entry.id, entry.question);
        questions.push(entry.question);
      } else if (entry.citing) {
        incomplete.push(entry.citing);
      }
    }
  }
  const locate = (id: string, sub: YamlPath = []): SourceLocation => {
    const at = where.get(id);
    return at ? at.source.locate([...at.path, ...sub]) : (byId.get(id)?.source ?? { file: '' });
  };
  const locateKey = (id: string, sub: YamlPath): SourceLocation => {
    const at = where.get(id);
    return at ? at.source.locateKey([...at.path, ...sub]) : locate(id);
  };
  return { questions, byId, incomplete, files: files.map((f) => f.file), locate, locateKey };
}
