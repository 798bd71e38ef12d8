/** Options shared by the commands that generate files (flag > blueprint/config > default). */
import path from 'node:path';
import { HandoutError } from '../errors.js';
import type { Project } from '../project.js';
import type { OutputFormat } from './plan.js';

export interface OutputOptions {
  project?: string;
  out?: string;
  format?: string;
  quiet?: boolean;
  chromium?: string;
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

export function outputDir(project: Project, out: string | undefined, cwd: string): string {
  return out === undefined ? project.outDir : path.resolve(cwd, out);
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
