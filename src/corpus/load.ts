/**
 * Reads `corpus/*.md`: YAML front matter, then the body, whose paragraphs
 * (blocks separated by blank lines) are the passages questions cite.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProblemList } from '../errors.js';
import { compareStrings } from '../errors.js';
import { readYaml } from '../util/yaml-fast.js';
import { validateWith } from '../util/schema-check.js';
import { PLACEHOLDER, reportFillIns } from './fill-in.js';
import type { YamlCache } from '../util/yaml-cache.js';
import { ArticleFrontMatterSchema, type ArticleFrontMatter } from './schema.js';
import type { Article, Corpus, Paragraph } from './article.js';

/** `cache`: earlier runs' readings of the front matter (see util/yaml-cache.ts). */
export async function loadCorpus(
  corpusDir: string,
  problems: ProblemList,
  cache?: YamlCache,
): Promise<Corpus> {
  const names = await listMarkdown(corpusDir, problems);
  const articles: Article[] = [];
  for (const name of names) {
    const file = path.join(corpusDir, name);
    const article = parseArticle(file, await readFile(file, 'utf8'), problems, cache);
    if (article) articles.push(article);
  }
  articles.sort((a, b) => compareStrings(a.id, b.id));
  const byId = new Map<string, Article>();
  for (const article of articles) {
    const earlier = byId.get(article.id);
    if (earlier) {
      problems.error(
        { file: article.file, line: 2, column: 1 },
        'duplicate-article',
        `article id "${article.id}" is also used by ${path.basename(earlier.file)}; give each article its own id`,
      );
      continue;
    }
    byId.set(article.id, article);
  }
  return { articles: [...byId.values()], byId };
}

async function listMarkdown(dir: string, problems: ProblemList): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && e.name.endsWith('.md') && e.name.toLowerCase() !== 'readme.md')
      .map((e) => e.name)
      .sort(compareStrings);
  } catch {
    problems.error(
      { file: dir },
      'no-corpus',
      'there is no corpus folder here; run the command inside a handout project or give --project DIR (handout init DIR creates one)',
    );
    return [];
  }
}

/** Parses one corpus file; reports problems and returns undefined if it cannot be used. */
export function parseArticle(
  file: string,
  text: string,
  problems: ProblemList,
  cache?: YamlCache,
): Article | undefined {
  const source = text.replace(/^\uFEFF/, '');
  const lines = source.split(/\r?\n/);
  const fileId = path.basename(file, '.md');
  if (lines[0]?.trim() !== '---') {
    problems.error(
      { file, line: 1, column: 1 },
      'front-matter-missing',
      'the file must start with front matter: a line "---", the fields id, title, outlet, published and summary, then another "---"',
    );
    return undefined;
  }
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (end < 0) {
    problems.error(
      { file, line: 1, column: 1 },
      'front-matter-unclosed',
      'the front matter is never closed: add a line "---" after its last field, before the article text',
    );
    return undefined;
  }
  const yaml = readYaml(file, lines.slice(1, end).join('\n'), problems, 1, cache);
  if (!yaml) return undefined;
  const blanks = reportFillIns(file, lines.slice(1, end), 2, problems);
  const raw = yaml.toJS() as Record<string, unknown>;
  const checked = {
    ...raw,
    ...Object.fromEntries(
      [...blanks].filter((f) => f in PLACEHOLDER).map((f) => [f, PLACEHOLDER[f]]),
    ),
  };
  const data = validateWith(ArticleFrontMatterSchema, checked, yaml, [], problems, {
    what: 'front matter',
  });
  if (data === undefined) return undefined;
  const meta = {
    ...(data as ArticleFrontMatter),
    ...Object.fromEntries([...blanks].map((f) => [f, raw[f] ?? ''])),
  } as ArticleFrontMatter;
  if (meta.id !== fileId) {
    problems.error(
      yaml.locate(['id']),
      'article-id-mismatch',
      `the id "${meta.id}" differs from the file name "${fileId}.md"; rename the file or change the id so they match`,
    );
  }
  const paragraphs = splitParagraphs(lines, end + 1, file, problems);
  if (paragraphs.length === 0) {
    problems.error(
      { file, line: end + 1, column: 1 },
      'article-empty',
      'the article has no text after its front matter; paste the article body below the closing "---"',
    );
  }
  return {
    id: meta.id,
    title: meta.title,
    outlet: meta.outlet,
    published: String(meta.published),
    ...(meta.dateline === undefined ? {} : { dateline: meta.dateline }),
    ...(meta.source_file === undefined ? {} : { sourceFile: meta.source_file }),
    summary: meta.summary.trim(),
    tags: meta.tags ?? [],
    paragraphs,
    file,
  };
}

/** Characters that take up no room: a paragraph made only of them is empty. */
const INVISIBLE = /^[\s\u200B-\u200D\u2060\uFEFF]*$|^(?:&nbsp;|\s)*$/;

function splitParagraphs(
  lines: string[],
  start: number,
  file: string,
  problems: ProblemList,
): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let block: string[] = [];
  let blockLine = 0;
  const flush = (): void => {
    if (block.length === 0) return;
    const text = block.join(' ').replace(/\s+/g, ' ').trim();
    if (INVISIBLE.test(text)) {
      problems.error(
        { file, line: blockLine, column: 1 },
        'empty-paragraph',
        'this paragraph has no visible text but still counts as a passage and shifts the numbering; delete the line',
      );
    } else {
      paragraphs.push({ number: paragraphs.length + 1, text, line: blockLine });
    }
    block = [];
  };
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') {
      flush();
    } else {
      if (block.length === 0) blockLine = i + 1;
      block.push(line);
    }
  }
  flush();
  return paragraphs;
}
