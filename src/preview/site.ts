/**
 * The project as the preview serves it: loaded and checked from the files
 * as they are now (reloaded after every change), with the catalogue of its
 * pages. When the project does not load, the site keeps the problems
 * instead, and every page shows them until a file is fixed.
 */
import { loadContent, type Content } from '../content.js';
import { HandoutError, ProblemList, type Problem } from '../errors.js';
import { projectAt, type Project } from '../project.js';
import { forgetTemplates } from '../render/env.js';
import { catalogOf, type Catalog } from './catalog.js';

export type SiteState =
  | { ok: true; project: Project; content: Content; problems: Problem[]; catalog: Catalog }
  | {
      ok: false;
      project: Project;
      problems: Problem[];
      /** What stopped the project loading, in plain words. */
      message: string;
    };

export interface LoadReport {
  ok: boolean;
  /** Time to read, check and catalogue the project, ms. */
  ms: number;
  errors: number;
  warnings: number;
  /** Set when loading failed because of a bug in handout (not the teacher's files): its stack. */
  bug?: string;
}

export class PreviewSite {
  readonly root: string;
  #state: SiteState;
  #generation = 0;

  constructor(root: string) {
    this.root = root;
    this.#state = {
      ok: false,
      project: projectAt(root),
      problems: [],
      message: 'the project is still loading',
    };
  }

  get state(): SiteState {
    return this.#state;
  }

  /** Changes with every reload: a page built from an older one is stale. */
  get generation(): number {
    return this.#generation;
  }

  /**
   * Reads the project again. `templatesChanged`: compiled templates are
   * dropped too (Nunjucks keeps them for the life of the process).
   */
  async load(templatesChanged = false): Promise<LoadReport> {
    const started = performance.now();
    if (templatesChanged) forgetTemplates();
    // Opened afresh: a templates/ folder may have appeared or gone.
    const project = projectAt(this.root);
    const problems = new ProblemList();
    let state: SiteState;
    let bug: string | undefined;
    try {
      const content = await loadContent(project, problems);
      if (problems.errors.length > 0) {
        state = {
          ok: false,
          project,
          problems: problems.sorted(),
          message:
            'Fix them and save: this page comes back by itself. Problems listed later are often caused by the first ones.',
        };
      } else {
        const catalog = await catalogOf(content);
        state = { ok: true, project, content, problems: problems.sorted(), catalog };
      }
    } catch (error) {
      if (error instanceof HandoutError) {
        state = {
          ok: false,
          project,
          problems: [...problems.sorted(), ...error.problems],
          message: error.message,
        };
      } else {
        // Not the teacher's mistake: say so, and keep serving; the next save tries again.
        bug = error instanceof Error ? (error.stack ?? error.message) : String(error);
        state = {
          ok: false,
          project,
          problems: problems.sorted(),
          message: `handout could not load the project because of a bug in handout (not in your files): ${error instanceof Error ? error.message : String(error)}. Please report it; the terminal shows the details.`,
        };
      }
    }
    this.#state = state;
    this.#generation += 1;
    const errors = state.problems.filter((p) => p.severity === 'error').length;
    return {
      ok: state.ok,
      ms: performance.now() - started,
      errors: state.ok ? errors : Math.max(errors, 1),
      warnings: state.problems.length - errors,
      ...(bug === undefined ? {} : { bug }),
    };
  }
}
