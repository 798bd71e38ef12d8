/**
 * A teaching project is a folder with `corpus/` and `questions/` (and an
 * optional `templates/` whose files override the built-in ones by name).
 * This repository is one such project; nothing in src/ assumes its content.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { HandoutError } from './errors.js';
import { packageRootFrom } from './util/package-root.js';

/** The installed package, where the built-in templates and schemas are. */
export const PACKAGE_ROOT = packageRootFrom(import.meta.url);
export const BUILTIN_TEMPLATES = path.join(PACKAGE_ROOT, 'templates');
export const SCHEMA_DIR = path.join(PACKAGE_ROOT, 'schema');

export interface Project {
  root: string;
  corpusDir: string;
  questionsDir: string;
  quizzesDir: string;
  briefingsDir: string;
  referenceDir: string;
  /** Search path for templates: the project's own first, then the built-in ones. */
  templateDirs: string[];
  /** Default output folder. */
  outDir: string;
}

export function projectAt(root: string): Project {
  const abs = path.resolve(root);
  const questionsDir = path.join(abs, 'questions');
  const own = path.join(abs, 'templates');
  const templateDirs =
    existsSync(own) && path.resolve(own) !== BUILTIN_TEMPLATES
      ? [own, BUILTIN_TEMPLATES]
      : [BUILTIN_TEMPLATES];
  return {
    root: abs,
    corpusDir: path.join(abs, 'corpus'),
    questionsDir,
    quizzesDir: path.join(questionsDir, 'quizzes'),
    briefingsDir: path.join(questionsDir, 'briefings'),
    referenceDir: path.join(questionsDir, 'reference'),
    templateDirs,
    outDir: path.join(abs, 'out'),
  };
}

/** Resolves --project (or the current folder) and checks it looks like a project. */
export function openProject(dir: string | undefined, cwd: string): Project {
  const project = projectAt(path.resolve(cwd, dir ?? '.'));
  if (!existsSync(project.corpusDir) && !existsSync(project.questionsDir)) {
    throw new HandoutError(
      `${project.root} is not a handout project: it has no corpus/ or questions/ folder. ` +
        'Run the command inside your project, give --project DIR, or create one with "handout init DIR".',
      { code: 'not-a-project' },
    );
  }
  return project;
}
