/** `handout quiz <id>`: one quiz's versions, or a class pack from a roster. */
import path from 'node:path';
import type { Io } from '../cli/io.js';
import { findBlueprint, type Blueprint } from '../quiz/blueprint.js';
import { loadRoster } from '../quiz/roster.js';
import type { Student } from '../quiz/copy.js';
import { HandoutError } from '../errors.js';
import { parseCount, parseFormats, parseSeed, type OutputOptions } from './options.js';
import { planQuiz, rosterName } from './quiz-plan.js';
import { commandLine, generate } from './generate.js';
import { DEFAULT_ID_DIGITS } from '../sheet/layout.js';

export interface QuizOptions extends OutputOptions {
  seed?: string;
  versions?: string;
  roster?: string;
  paper?: string;
  split?: boolean;
  duplex?: boolean;
  answerSheet?: boolean;
}

export async function quizCommand(quizId: string, options: QuizOptions, io: Io): Promise<number> {
  const seedFlag = parseSeed(options.seed);
  const versionsFlag = parseCount(options.versions, '--versions', 26);
  const paper = options.paper ? paperFlag(options.paper) : undefined;
  const rosterFile = options.roster ? path.resolve(io.cwd, options.roster) : undefined;
  const formats = parseFormats(options.format);
  return generate(options, io, formats.includes('pdf'), async ({ content }) => {
    const found = findBlueprint(
      content.blueprints,
      quizId,
      path.relative(io.cwd, content.project.quizzesDir) || '.',
    );
    const blueprint: Blueprint = {
      ...found,
      ...(paper ? { paper } : {}),
      ...(options.answerSheet && !found.answerSheet
        ? { answerSheet: { idDigits: DEFAULT_ID_DIGITS } }
        : {}),
    };
    const students = rosterFile ? await loadRoster(rosterFile) : undefined;
    const plan = planQuiz(content, blueprint, {
      seed: seedFlag ?? blueprint.seed,
      formats,
      versions: versionsFlag ?? blueprint.versions,
      ...(students && rosterFile ? { roster: { name: rosterName(rosterFile), students } } : {}),
      versionsWithRoster: false,
      split: options.split ?? false,
      duplex: options.duplex ?? blueprint.duplex,
    });
    const command = commandLine(
      'handout quiz',
      quizId,
      seedFlag !== undefined && `--seed ${seedFlag}`,
      versionsFlag !== undefined && `--versions ${versionsFlag}`,
      rosterFile && `--roster ${path.basename(rosterFile)}`,
      paper && `--paper ${paper}`,
      options.split && '--split',
      options.duplex && '--duplex',
      options.answerSheet && '--answer-sheet',
      options.format !== undefined && `--format ${formats.join(',')}`,
    );
    return { plan, command, ...(rosterFile ? { extraInputs: [rosterFile] } : {}) };
  });
}

export function paperFlag(text: string): 'letter' | 'a4' {
  const paper = text.toLowerCase();
  if (paper !== 'letter' && paper !== 'a4') {
    throw new HandoutError(`--paper "${text}" is not valid; use letter or a4`, {
      code: 'bad-paper',
    });
  }
  return paper;
}

/** The students of the roster a blueprint names, if it names one. */
export async function blueprintRoster(
  blueprint: Blueprint,
): Promise<{ name: string; students: Student[] } | undefined> {
  if (!blueprint.roster) return undefined;
  return { name: rosterName(blueprint.roster), students: await loadRoster(blueprint.roster) };
}
