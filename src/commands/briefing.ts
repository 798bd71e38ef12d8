/** `handout briefing [id]`: a reading handout, or an open-book pack aligned to a quiz. */
import type { Command } from 'commander';
import type { Io } from '../terminal/io.js';
import { HandoutError } from '../errors.js';
import { didYouMean } from '../util/text.js';
import type { BriefingConfig, Edition } from '../briefing/config.js';
import type { CommandContext } from './context.js';
import {
  parseFormats,
  parsePaper,
  parseSeed,
  withOutputOptions,
  type OutputOptions,
  quizzesFolder,
} from './options.js';

export interface BriefingOptions extends OutputOptions {
  articles?: string;
  tags?: string;
  edition?: string;
  paper?: string;
  forQuiz?: string;
  seed?: string;
  version?: string;
}

export function registerBriefing(program: Command, context: CommandContext): void {
  withOutputOptions(
    program
      .command('briefing')
      .description(
        'build a briefing (reading handout), or an open-book pack for a quiz with --for-quiz',
      )
      .argument('[briefing-id]', 'a briefing in questions/briefings/ (default: the only one)')
      .option('--articles <ids>', 'only these articles, comma-separated')
      .option('--tags <tags>', 'only articles with any of these tags')
      .option('--edition <edition>', 'student, teacher or student,teacher (default: both)')
      .option('--paper <size>', 'letter or a4')
      .option('--for-quiz <quiz-id>', 'an open-book pack: only the passages that quiz cites')
      .option('--seed <n>', "with --for-quiz, the quiz seed (default: the blueprint's)")
      .option('--version <letter>', 'with --for-quiz, one version only (default: all)'),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  $ handout briefing --edition student\n  $ handout briefing --articles russia-wants-guarantees-2011,grushko-russia-nato-2010\n  $ handout briefing --for-quiz missile-defense-unit --version A',
    )
    .action(async (id: string | undefined, options: BriefingOptions) => {
      context.setExit(await briefingCommand(id, options, context.io));
    });
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
  const paper = options.paper ? parsePaper(options.paper) : undefined;
  const editionsFlag = editionFlag(options.edition);
  const formats = parseFormats(options.format);
  const [{ commandLine, generate }, { planBriefing }, { findBlueprint }] = await Promise.all([
    import('../produce/generate.js'),
    import('../produce/briefing-plan.js'),
    import('../quiz/blueprint.js'),
  ]);
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
      ? findBlueprint(content.blueprints, options.forQuiz, quizzesFolder(content.project, io.cwd))
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
