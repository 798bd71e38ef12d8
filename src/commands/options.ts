/**
 * Flags shared by several commands, and how they are read (flag >
 * blueprint/config > default). Kept free of heavy imports: every command
 * file loads it at start-up.
 */
import type { Command } from 'commander';
import { HandoutError } from '../errors.js';
import type { FrameOptions } from '../produce/generate.js';
import type { OutputFormat } from '../produce/plan.js';
import type { Project } from '../project.js';
import { relativeTo } from '../terminal/report.js';

/** `--project DIR` is accepted by every command that reads a project. */
export const PROJECT_OPTION = [
  '--project <dir>',
  'the teaching project to use (default: the current folder)',
] as const;

/** The flags of every command that writes documents (build, quiz, briefing, grade). */
export interface OutputOptions extends FrameOptions {
  format?: string;
}

const OUTPUT_OPTIONS: [string, string][] = [
  ['--out <dir>', 'write into this folder instead of out/'],
  ['--format <list>', 'html, pdf or html,pdf (default html,pdf)'],
  ['--quiet', 'print nothing but errors'],
  [
    '--chromium <path>',
    "the Chromium or Chrome to print with (default: HANDOUT_CHROMIUM, then puppeteer's, then the system's)",
  ],
];

export function withOutputOptions(command: Command): Command {
  command.option(...PROJECT_OPTION);
  for (const [flags, description] of OUTPUT_OPTIONS) command.option(flags, description);
  return command;
}

export function parseFormats(
  text: string | undefined,
  fallback: OutputFormat[] = ['html', 'pdf'],
): OutputFormat[] {
  if (text === undefined) return fallback;
  const formats = text
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean);
  const bad = formats.filter((f) => f !== 'html' && f !== 'pdf');
  if (bad.length > 0 || formats.length === 0) {
    throw new HandoutError(`--format "${text}" is not valid; use html, pdf or html,pdf`, {
      code: 'bad-format',
    });
  }
  return [...new Set(formats)] as OutputFormat[];
}

export function parseSeed(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,15}$/.test(text))
    throw new HandoutError(`--seed "${text}" is not a whole number; use a number such as 2026`, {
      code: 'bad-seed',
    });
  return Number(text);
}

export function parseCount(
  text: string | undefined,
  flag: string,
  max: number,
): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new HandoutError(`${flag} "${text}" must be a whole number from 1 to ${max}`, {
      code: 'bad-count',
    });
  return n;
}

export function parsePaper(text: string): 'letter' | 'a4' {
  const paper = text.toLowerCase();
  if (paper !== 'letter' && paper !== 'a4') {
    throw new HandoutError(`--paper "${text}" is not valid; use letter or a4`, {
      code: 'bad-paper',
    });
  }
  return paper;
}

/** The quizzes folder as the teacher sees it from where handout runs, for "there is no quiz" messages. */
export function quizzesFolder(project: Project, cwd: string): string {
  return relativeTo(cwd, project.quizzesDir);
}
