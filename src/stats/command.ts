/** `handout stats`: coverage and balance of the bank. */
import { requireContent } from '../content.js';
import { openProject } from '../project.js';
import type { Io } from '../cli/io.js';
import { bankStats } from './stats.js';
import { formatStats } from './format.js';
import { formatRuleStats } from './rules.js';

export async function statsCommand(
  options: { project?: string; format: string },
  io: Io,
): Promise<number> {
  const project = openProject(options.project, io.cwd);
  const { content } = await requireContent(project);
  const stats = bankStats(content.bank, content.corpus);
  io.stdout(
    options.format === 'json'
      ? JSON.stringify({ ...stats, lint: content.lint }, null, 2) + '\n'
      : `${formatStats(stats)}\n${formatRuleStats(content.lint)}`,
  );
  return 0;
}
