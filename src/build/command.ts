/** `handout build`: every quiz, briefing and export of the project, in one run. */
import type { Io } from '../cli/io.js';
import { mergePlans, type BuildPlan } from './plan.js';
import { parseFormats, type OutputOptions } from './options.js';
import { planQuiz } from './quiz-plan.js';
import { buildParts } from './build-parts.js';
import { planBriefing } from './briefing-plan.js';
import { planExports } from './export-plan.js';
import { commandLine, generate } from './generate.js';

export async function buildCommand(options: OutputOptions, io: Io): Promise<number> {
  const formats = parseFormats(options.format);
  return generate(options, io, formats.includes('pdf'), async ({ content, problems }) => {
    if (problems.warnings.length > 0 && !options.quiet) {
      io.stderr(`build: ${problems.warnings.length} warning(s); run "handout lint" to see them\n`);
    }
    const parts = await buildParts(content, formats);
    const plans: BuildPlan[] = [
      ...parts.quizzes.map((quiz) => planQuiz(content, quiz.blueprint, quiz.options)),
      ...parts.briefings.map((briefing) =>
        planBriefing(content, briefing.config, briefing.options),
      ),
      planExports(content, { bank: true, quizzes: parts.exports }),
    ];
    return {
      plan: mergePlans(plans),
      command: commandLine(
        'handout build',
        options.format !== undefined && `--format ${formats.join(',')}`,
      ),
      extraInputs: content.blueprints.flatMap((b) => (b.roster ? [b.roster] : [])),
    };
  });
}
