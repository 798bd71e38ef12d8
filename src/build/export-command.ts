/** `handout export`: the bank, or one quiz, for learning platforms and paper scanners. */
import path from 'node:path';
import type { Io } from '../cli/io.js';
import { findBlueprint } from '../quiz/blueprint.js';
import { parseFormats as parseExportFormats, EXPORT_FORMATS } from '../export/index.js';
import { parseSeed, type OutputOptions } from './options.js';
import { planExports } from './export-plan.js';
import { commandLine, generate } from './generate.js';

export interface ExportOptions extends Omit<OutputOptions, 'format' | 'chromium'> {
  format?: string;
  quiz?: string;
  seed?: string;
}

export async function exportCommand(options: ExportOptions, io: Io): Promise<number> {
  const formats =
    options.format === undefined ? [...EXPORT_FORMATS] : parseExportFormats([options.format]);
  const seedFlag = parseSeed(options.seed);
  return generate(options, io, false, ({ content }) => {
    const blueprint = options.quiz
      ? findBlueprint(
          content.blueprints,
          options.quiz,
          path.relative(io.cwd, content.project.quizzesDir) || '.',
        )
      : undefined;
    const plan = planExports(content, {
      formats,
      bank: blueprint === undefined,
      quizzes: blueprint
        ? [{ blueprint, seed: seedFlag ?? blueprint.seed, versions: blueprint.versions }]
        : [],
      full: true,
    });
    const command = commandLine(
      'handout export',
      `--format ${formats.join(',')}`,
      blueprint && `--quiz ${blueprint.id}`,
      seedFlag !== undefined && `--seed ${seedFlag}`,
    );
    return { plan, command };
  });
}
