/**
 * Which page a path names and its HTML: the index, the bank browser, an
 * article's paragraphs, or one of the documents `handout build` writes,
 * rendered now from the loaded project. When the project does not load (or
 * a template fails), the page is the list of problems instead.
 */
import path from 'node:path';
import { HandoutError, sortProblems, type Problem } from '../errors.js';
import { problemLine } from '../terminal/report.js';
import { BUILTIN_TEMPLATES } from '../project.js';
import { renderTemplate, templateEnvironment } from '../render/env.js';
import type { SiteState } from './site.js';
import { articleView, bankFilters, bankView } from './bank.js';

export interface PageResult {
  status: number;
  html: string;
}

/** Paths that name a page of the project (so a broken project answers them with its problems). */
function isProjectPage(pagePath: string): boolean {
  return (
    pagePath === '' ||
    pagePath.startsWith('bank/') ||
    (/^(quizzes|briefings)\//.test(pagePath) && pagePath.endsWith('.html'))
  );
}

/** The page at `pagePath`, or undefined when there is none (404). */
export function renderPage(
  state: SiteState,
  pagePath: string,
  query: URLSearchParams,
  cwd: string,
): PageResult | undefined {
  if (!state.ok) {
    if (!isProjectPage(pagePath)) return undefined;
    return problemsPage(state, cwd, 'The project has errors', state.message, state.problems);
  }
  try {
    const html = projectPage(state, pagePath, query, cwd);
    return html === undefined ? undefined : { status: 200, html };
  } catch (error) {
    // A broken template (the project's own, usually): say which, keep serving.
    if (!(error instanceof HandoutError)) throw error;
    return problemsPage(state, cwd, 'This page could not be made', error.message, [
      ...error.problems,
    ]);
  }
}

function projectPage(
  state: Extract<SiteState, { ok: true }>,
  pagePath: string,
  query: URLSearchParams,
  cwd: string,
): string | undefined {
  const { content, catalog, project } = state;
  const frame = { project_name: path.basename(project.root) };
  if (pagePath === '') {
    return renderTemplate(ownPages(), 'preview/index.njk', {
      ...frame,
      page_title: 'Index',
      lines: problemLines(state.problems, cwd),
      quizzes: catalog.quizzes,
      briefings: catalog.briefings,
      question_count: content.bank.questions.length,
    });
  }
  // The bank browser renders questions with the project's own item templates, as its copies do.
  const env = templateEnvironment(project.templateDirs);
  if (pagePath === 'bank/') {
    return renderTemplate(env, 'preview/bank.njk', {
      ...frame,
      page_title: 'Question bank',
      body_class: 'bank',
      view: bankView(content, bankFilters(query)),
    });
  }
  const articleId = /^bank\/(.+)\.html$/.exec(pagePath)?.[1];
  if (articleId !== undefined) {
    const article = content.corpus.byId.get(articleId);
    if (!article) return undefined;
    return renderTemplate(env, 'preview/article.njk', {
      ...frame,
      page_title: article.title,
      article: articleView(content, article),
    });
  }
  return catalog.documents.get(pagePath)?.render();
}

/**
 * A page that is not (or no longer) in the project: an HTML page with the
 * reload hook, so an open tab comes back by itself when the page does.
 */
export function notFoundPage(state: SiteState, pagePath: string): PageResult | undefined {
  if (!(pagePath === '' || pagePath.endsWith('.html') || pagePath.endsWith('/'))) return undefined;
  return {
    status: 404,
    html: renderTemplate(ownPages(), 'preview/not-found.njk', {
      project_name: path.basename(state.project.root),
      page_title: 'No such page',
      path: pagePath,
    }),
  };
}

/** The preview's own pages use only the built-in templates, so a broken project template cannot hide its problems. */
function ownPages() {
  return templateEnvironment([BUILTIN_TEMPLATES]);
}

function problemLines(problems: readonly Problem[], cwd: string) {
  // The very lines `handout lint` prints, run from the same folder.
  return sortProblems(problems).map((p) => ({ text: problemLine(p, cwd), severity: p.severity }));
}

function problemsPage(
  state: SiteState,
  cwd: string,
  heading: string,
  message: string,
  problems: Problem[],
): PageResult {
  return {
    status: 500,
    html: renderTemplate(ownPages(), 'preview/problems.njk', {
      project_name: path.basename(state.project.root),
      page_title: heading,
      body_class: 'problems',
      heading,
      message,
      lines: problemLines(problems, cwd),
    }),
  };
}
