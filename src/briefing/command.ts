/** `handout briefing [id]`: a reading handout, or an open-book pack aligned to a quiz. */
import path from 'node:path';
import type { Io } from '../cli/io.js';
import { HandoutError } from '../errors.js';
import { findBlueprint } from '../quiz/blueprint.js';
import { didYouMean } from '../util/text.js';
import { parseFormats, parseSeed, type OutputOptions } from '../build/options.js';
import { planBriefing } from '../build/briefing-plan.js';
import { commandLine, generate } from '../build/generate.js';
import { paperFlag } from '../build/quiz-command.js';
import type { BriefingConfig, Edition } from './config.js';

export interface BriefingOptions extends OutputOptions {
  articles?: string;
  tags?: string;
  edition?: string;
  paper?: string;
  forQuiz?: string;
  seed?: string;
  version?: string;
}

const list = (text: string | undefined): string[] | undefined =>
  text
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export async function briefingCommand(
  id: string | undefined,
  options: BriefingOptions,
  io: Io,
): Promise<number> {
  const seedFlag = parseSeed(options.seed);
  const articles = list(options.articles);
  const tags = list(options.tags);
  const paper = options.paper ? paperFlag(options.paper) : undefined;
  const editionsFlag = editionFlag(options.edition);
  const formats = parseFormats(options.format);
  return generate(options, io, formats.includes('pdf'), ({ content }) => {
    for (const article of articles ?? []) {
      if (!content.corpus.byId.has(article)) {
        throw new HandoutError(
          `--articles names "${article}", which is not in corpus/${didYouMean(article, content.corpus.byId.keys())}`,
          { code: 'unknown-article' },
        );
      }
    }
    const configured = pickConfig(content.briefings, id);
    const narrowed = articles !== undefined || tags !== undefined;
    const config: BriefingConfig = {
      ...(configured ?? {
        id: id ?? 'briefing',
        title: 'Briefing',
        editions: ['student', 'teacher'],
        paper: 'letter',
      }),
      ...(articles ? { articles } : {}),
      ...(tags ? { tags } : {}),
      ...(paper ? { paper } : {}),
    };
    if (narrowed && configured?.overview && !options.quiet)
      io.stderr(
        'briefing: the overview is left out because it was written for the full set of articles\n',
      );
    const blueprint = options.forQuiz
      ? findBlueprint(
          content.blueprints,
          options.forQuiz,
          path.relative(io.cwd, content.project.quizzesDir) || '.',
        )
      : undefined;
    const seed = seedFlag ?? blueprint?.seed ?? 0;
    const plan = planBriefing(content, config, {
      formats,
      // An open-book pack on its own: no edition unless one was asked for.
      editions: blueprint && !editionsFlag ? [] : (editionsFlag ?? config.editions),
      overview: !narrowed,
      ...(blueprint
        ? {
            openBook: {
              blueprint,
              seed,
              ...(options.version ? { versions: [options.version.toUpperCase()] } : {}),
            },
          }
        : {}),
      dateSeed: seed,
    });
    if (
      blueprint &&
      options.version &&
      plan.documents.every((d) => !d.path.includes('open-book'))
    ) {
      throw new HandoutError(
        `quiz "${blueprint.id}" has no version "${options.version}"; it has versions A to ${String.fromCharCode(64 + blueprint.versions)}`,
        { code: 'unknown-version' },
      );
    }
    const command = commandLine(
      'handout briefing',
      id,
      articles && `--articles ${articles.join(',')}`,
      tags && `--tags ${tags.join(',')}`,
      editionsFlag && `--edition ${editionsFlag.join(',')}`,
      blueprint && `--for-quiz ${blueprint.id}`,
      seedFlag !== undefined && `--seed ${seedFlag}`,
      options.version && `--version ${options.version}`,
    );
    return { plan, command };
  });
}

function pickConfig(configs: BriefingConfig[], id: string | undefined): BriefingConfig | undefined {
  if (id === undefined) return configs.length === 1 ? configs[0] : undefined;
  const found = configs.find((c) => c.id === id);
  if (!found && configs.length > 0) {
    throw new HandoutError(
      `there is no briefing "${id}" in questions/briefings/${didYouMean(
        id,
        configs.map((c) => c.id),
      )}; the briefings are: ${configs.map((c) => c.id).join(', ')}`,
      { code: 'unknown-briefing' },
    );
  }
  return found;
}

function editionFlag(text: string | undefined): Edition[] | undefined {
  if (text === undefined) return undefined;
  const editions = text.split(',').map((e) => e.trim().toLowerCase());
  if (editions.some((e) => e !== 'student' && e !== 'teacher'))
    throw new HandoutError(
      `--edition "${text}" is not valid; use student, teacher or student,teacher`,
      { code: 'bad-edition' },
    );
  return editions as Edition[];
}
