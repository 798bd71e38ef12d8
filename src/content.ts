/**
 * Loads a project's content (corpus, bank, reference data, quiz blueprints)
 * and runs every check on it. `lint` reports the result; every other
 * command refuses to run on content with errors, so nothing is ever
 * generated from a broken bank (those that never show warnings skip the
 * warning rules: see RunOptions.warnings).
 */
import { ProblemList } from './errors.js';
import { loadCorpus } from './corpus/load.js';
import { loadBank, type Bank } from './bank/load.js';
import type { Corpus } from './corpus/article.js';
import type { Project } from './project.js';
import { runRules, type LintResult } from './lint/engine.js';
import { checkPrintable } from './lint/fonts.js';
import { loadReference } from './reference/load.js';
import type { Reference } from './reference/reference.js';
import { checkBlueprint, loadBlueprints, type Blueprint } from './quiz/blueprint.js';
import { loadBriefings, type BriefingConfig } from './briefing/config.js';
import { lockPath, readLock } from './corpus/lock-file.js';
import { checkSourceDrift } from './lint/source-drift.js';
import type { YamlCache } from './util/yaml-cache.js';

export interface LoadOptions {
  /** false: only the rules that find errors run (see RunOptions.warnings). */
  warnings?: boolean;
  /** Earlier runs' readings of the project's YAML (see util/yaml-cache.ts). */
  yamlCache?: YamlCache;
}

export interface Content {
  project: Project;
  corpus: Corpus;
  bank: Bank;
  reference: Reference;
  blueprints: Blueprint[];
  briefings: BriefingConfig[];
  /** What each lint rule found and what the questions allowed. */
  lint: LintResult;
  /** Whether the project has a corpus.lock to compare the articles with. */
  locked: boolean;
}

/** Loads and checks everything; problems go to `problems`, nothing is thrown for bad input. */
export async function loadContent(
  project: Project,
  problems: ProblemList,
  options: LoadOptions = {},
): Promise<Content> {
  // The quizzes are read with the bank: a lint rule asks which questions a quiz can draw together.
  const [corpus, bank, blueprints] = await Promise.all([
    loadCorpus(project.corpusDir, problems, options.yamlCache),
    loadBank(project.questionsDir, problems, options.yamlCache),
    loadBlueprints(project.quizzesDir, problems, options.yamlCache),
    checkPrintable(project, problems),
  ]);
  const lint = runRules(bank, corpus, problems, {
    bankAt: { file: project.questionsDir },
    blueprints,
    ...(options.warnings === false ? { warnings: false } : {}),
  });
  const reference = await loadReference(project.referenceDir, corpus, problems, options.yamlCache);
  for (const blueprint of blueprints) checkBlueprint(blueprint, bank, corpus, problems);
  const briefings = await loadBriefings(
    project.briefingsDir,
    corpus,
    blueprints,
    problems,
    options.yamlCache,
  );
  const lock = await readLock(project.root, problems);
  if (lock)
    checkSourceDrift(
      lock,
      corpus,
      { questions: [...bank.questions, ...bank.incomplete], reference, briefings },
      problems,
      lockPath(project.root),
    );
  return { project, corpus, bank, reference, blueprints, briefings, lint, locked: lock !== null };
}

/**
 * Loads content for a command that generates something: any error stops the run.
 * `warnings: false` for a command that never shows the lint warnings: only
 * the rules that find errors run (see RunOptions.warnings).
 */
export async function requireContent(
  project: Project,
  options: LoadOptions = {},
): Promise<{ content: Content; problems: ProblemList }> {
  const problems = new ProblemList();
  const content = await loadContent(project, problems, options);
  problems.throwIfErrors(
    'the project has errors; fix them (run "handout lint" to list them) and try again',
  );
  return { content, problems };
}
