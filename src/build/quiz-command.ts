/** `handout quiz <id>`: one quiz's versions, or a class pack from a roster. */
import path from 'node:path';
import type { Io } from '../cli/io.js';
import { requireContent } from '../content.js';
import { openProject } from '../project.js';
import { findBlueprint, type Blueprint } from '../quiz/blueprint.js';
import { loadRoster } from '../quiz/roster.js';
import { HandoutError } from '../errors.js';
import { outputDir, parseCount, parseFormats, parseSeed, type OutputOptions } from './options.js';
import { planQuiz, rosterName } from './quiz-plan.js';
import { runPlan } from './run.js';
import { withPrinting } from './produce.js';

export interface QuizOptions extends OutputOptions {
  seed?: string;
  versions?: string;
  roster?: string;
  paper?: string;
  split?: boolean;
  duplex?: boolean;
}

export async function quizCommand(quizId: string, options: QuizOptions, io: Io): Promise<number> {
  const project = openProject(options.project, io.cwd);
  const formats = parseFormats(options.format);
  const seedFlag = parseSeed(options.seed);
  const versionsFlag = parseCount(options.versions, '--versions', 26);
  return withPrinting(
    formats.includes('pdf'),
    {
      io,
      quiet: options.quiet ?? false,
      ...(options.chromium ? { chromium: options.chromium } : {}),
    },
    async (printer) => {
      const { content } = await requireContent(project);
      const found = findBlueprint(
        content.blueprints,
        quizId,
        path.relative(io.cwd, project.quizzesDir) || '.',
      );
      const blueprint: Blueprint = {
        ...found,
        ...(options.paper ? { paper: paperFlag(options.paper) } : {}),
      };
      const seed = seedFlag ?? blueprint.seed;
      const rosterFile = options.roster ? path.resolve(io.cwd, options.roster) : undefined;
      const students = rosterFile ? await loadRoster(rosterFile) : undefined;
      const plan = planQuiz(content, blueprint, {
        seed,
        formats,
        versions: versionsFlag ?? blueprint.versions,
        ...(students && rosterFile ? { roster: { name: rosterName(rosterFile), students } } : {}),
        versionsWithRoster: false,
        split: options.split ?? false,
        duplex: options.duplex ?? blueprint.duplex,
      });
      const command = [
        'handout quiz',
        quizId,
        seedFlag !== undefined ? `--seed ${seedFlag}` : '',
        versionsFlag ? `--versions ${versionsFlag}` : '',
        rosterFile ? `--roster ${path.basename(rosterFile)}` : '',
        options.paper ? `--paper ${options.paper}` : '',
        options.split ? '--split' : '',
        options.duplex ? '--duplex' : '',
        options.format ? `--format ${formats.join(',')}` : '',
      ]
        .filter(Boolean)
        .join(' ');
      await runPlan(project, plan, {
        io,
        outDir: outputDir(project, options.out, io.cwd),
        command,
        quiet: options.quiet ?? false,
        ...(printer ? { printer } : {}),
        ...(options.chromium ? { chromium: options.chromium } : {}),
        ...(rosterFile ? { extraInputs: [rosterFile] } : {}),
      });
      return 0;
    },
  );
}

export function paperFlag(text: string): 'letter' | 'a4' {
  const paper = text.toLowerCase();
  if (paper !== 'letter' && paper !== 'a4')
    throw new HandoutError(`--paper "${text}" is not valid; use letter or a4`, {
      code: 'bad-paper',
    });
  return paper;
}

/** Resolves a roster named in a blueprint, failing with the blueprint's name if unreadable. */
export async function blueprintRoster(
  blueprint: Blueprint,
): Promise<{ name: string; students: Awaited<ReturnType<typeof loadRoster>> } | undefined> {
  if (!blueprint.roster) return undefined;
  return { name: rosterName(blueprint.roster), students: await loadRoster(blueprint.roster) };
}
