/**
 * Loads a project's content (corpus and bank) and runs every check on it.
 * `lint` reports the result; every other command refuses to run on content
 * that has errors, so nothing is ever generated from a broken bank.
 */
import { ProblemList } from './errors.js';
import { loadCorpus } from './corpus/load.js';
import { loadBank, type Bank } from './bank/load.js';
import type { Corpus } from './corpus/article.js';
import type { Project } from './project.js';
import { checkPassages } from './lint/passages.js';
import { checkOptions } from './lint/options.js';

export interface Content {
  project: Project;
  corpus: Corpus;
  bank: Bank;
}

/** Loads and checks everything; problems go to `problems`, nothing is thrown for bad input. */
export async function loadContent(project: Project, problems: ProblemList): Promise<Content> {
  const [corpus, bank] = await Promise.all([loadCorpus(project.corpusDir, problems), loadBank(project.questionsDir, problems)]);
  checkPassages(bank, corpus, problems);
  checkOptions(bank, problems);
  return { project, corpus, bank };
}

/** Loads content for a command that generates something: any error stops the run. */
export async function requireContent(project: Project): Promise<{ content: Content; problems: ProblemList }> {
  const problems = new ProblemList();
  const content = await loadContent(project, problems);
  problems.throwIfErrors('the project has errors; fix them (run "handout lint" to list them) and try again');
  return { content, problems };
}
