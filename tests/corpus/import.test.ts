import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftText as draftArticle } from '../../src/corpus/import/draft-article.js';
import { splitBlocks } from '../../src/corpus/import/text.js';
import { parseArticle } from '../../src/corpus/load.js';
import { ProblemList } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';
import { REPO, SHARED, makeProject } from '../helpers/project.js';

const seeds = readdirSync(path.join(SHARED, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .sort();
const corpusBySource = new Map(
  readdirSync(path.join(REPO, 'corpus'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => {
      const file = path.join(REPO, 'corpus', f);
      const article = parseArticle(file, readFileSync(file, 'utf8'), new ProblemList())!;
      return [article.sourceFile!, article] as const;
    }),
);

describe('corpus import on the five seed articles', () => {
  it('covers every seed with a corpus article', () => {
    expect(seeds).toHaveLength(5);
    for (const seed of seeds) expect(corpusBySource.has(seed)).toBe(true);
  });

  for (const seed of seeds) {
    it(`drafts ${seed} with exactly the corpus paragraphs`, () => {
      const raw = readFileSync(path.join(SHARED, 'seeds', seed), 'utf8');
      const draft = draftArticle(raw, { sourceFile: seed });
      const article = corpusBySource.get(seed)!;
      expect(draft.paragraphs).toEqual(article.paragraphs.map((p) => p.text));
      // Nothing the draft keeps is furniture, and nothing removed is article text.
      for (const note of draft.removed)
        expect(article.paragraphs.some((p) => p.text === note.text)).toBe(false);
    });
  }

  it('takes the headline, date and dateline from the page and leaves the rest as marked blanks', () => {
    const raw = readFileSync(path.join(SHARED, 'seeds', '001_62e2bfc8a0445108.txt'), 'utf8');
    const draft = draftArticle(raw, { sourceFile: '001_62e2bfc8a0445108.txt' });
    expect(draft.markdown).toContain('title: Russia to study NATO proposals on missile defense');
    expect(draft.markdown).toContain('published: 2010-11-04');
    expect(draft.markdown).toContain('dateline: Moscow');
    expect(draft.blanks).toEqual(['outlet', 'summary']);
    expect(draft.removed.map((r) => r.reason)).toEqual(
      expect.arrayContaining(['breadcrumb navigation', 'related-news list']),
    );
  });

  it('flags a photo caption and a credit line as unsure but keeps them', () => {
    const raw = readFileSync(path.join(SHARED, 'seeds', '000_e186a7f6d8099eab.txt'), 'utf8');
    const draft = draftArticle(raw);
    const reasons = draft.unsure.map((u) => u.reason).join('\n');
    expect(reasons).toContain('photo caption');
    expect(reasons).toContain('credit line');
    expect(draft.paragraphs[0]).toMatch(/^U\.S\. Secretary of State John Kerry \(left\)/);
  });

  it('reads one paragraph per line when the text has no blank lines', () => {
    expect(splitBlocks('One line here.\nAnother line.\nThird.\n').map((b) => b.text)).toEqual([
      'One line here.',
      'Another line.',
      'Third.',
    ]);
    expect(splitBlocks('A wrapped\nparagraph.\n\nNext one.\n').map((b) => b.text)).toEqual([
      'A wrapped paragraph.',
      'Next one.',
    ]);
  });

  it('writes a draft that lint rejects until the blanks are filled', async () => {
    const root = makeProject({}, { corpus: false });
    const seed = path.join(SHARED, 'seeds', '003_05cd6d67e97d83d5.txt');
    const imported = await runCli(['corpus', 'import', seed, '--id', 'ryabkov-guarantees'], root);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain('fill in outlet, published, summary');
    const lint = await runCli(['lint', '--format', 'json'], root);
    expect(lint.code).toBe(1);
    const fields = (JSON.parse(lint.stdout) as { problems: { message: string }[] }).problems.map(
      (p) => p.message,
    );
    expect(fields.join('\n')).toMatch(
      /"outlet" is still to be filled in \(corpus import could not find it\): the newspaper, agency or site that published it/,
    );
    const again = await runCli(['corpus', 'import', seed, '--id', 'ryabkov-guarantees'], root);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  });
});

describe('corpus import of a pasted news article', () => {
  const file = path.join(REPO, 'tests', 'fixtures', 'import', 'pasted-news.txt');
  const draft = draftArticle(readFileSync(file, 'utf8'), { sourceFile: 'pasted-news.txt' });

  it('takes the headline as the title, not the byline or the time', () => {
    expect(draft.markdown).toContain(
      'title: City council approves protected bike lanes after year-long debate # from the headline on line 3',
    );
    expect(draft.markdown).toContain(
      'author: Maria Lopez and Tom Becker # from the byline on line 5',
    );
  });

  it('reads the publication date from the dateline "February 3, 2021 4:12 PM UTC"', () => {
    expect(draft.markdown).toContain('published: 2021-02-03 # from the date on line 7');
  });

  it('removes the captioned photo credit and the footer line by line, never merging them into a paragraph', () => {
    const removed = draft.removed.map((n) => `${n.line} ${n.reason}: ${n.text}`);
    expect(removed).toEqual(
      expect.arrayContaining([
        '9 photo caption (it carries a photo credit): Cyclists ride along Main Street in Springfield, Illinois, January 28, 2021. REUTERS/Jane Doe',
        '22 sharing buttons: Share this article',
        '23 related-news list: Related coverage',
        '24 related-news list: Springfield mayor defends budget plan',
        '26 copyright footer: (c) 2021 All rights reserved',
      ]),
    );
    expect(draft.paragraphs).toHaveLength(6);
    expect(draft.paragraphs[0]).toMatch(
      /^SPRINGFIELD, Ill\. \(Reuters\) - The Springfield city council voted/,
    );
    expect(draft.paragraphs.at(-1)).toBe('Reporting by Maria Lopez; Editing by Tom Becker');
    expect(draft.unsure.map((u) => u.line)).toEqual([21]);
    for (const p of draft.paragraphs)
      expect(p).not.toMatch(/Share this|Related coverage|rights reserved/);
  });

  it('names the site header as a hint for the outlet, which stays a marked blank', () => {
    expect(draft.markdown).toContain(
      'outlet: "" # FILL IN: the page header said: "Springfield Daily Ledger"',
    );
    expect(draft.blanks).toEqual(['outlet', 'summary']);
  });
});

describe('from a saved page to a unit', () => {
  it('imports a saved page, then lint names exactly the fields to fill in', async () => {
    const root = makeProject({}, { corpus: false });
    const page = path.join(REPO, 'tests', 'fixtures', 'import', 'news-page.html');
    const imported = await runCli(['corpus', 'import', page, '--id', 'library-reopens'], root);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain(
      "title: Lake Harbor library reopens after flood repairs  (from the page's <h1>, matching og:title)",
    );
    expect(imported.stderr).toMatch(
      /news-page\.html <figcaption class="caption"> {2}photo caption or credit: Volunteers carry books/,
    );
    expect(imported.stderr).toContain(
      'To do: fill in summary (marked FILL IN), then run "handout lint".',
    );
    const lint = await runCli(['lint', '--format', 'json'], root);
    const problems = (
      JSON.parse(lint.stdout) as { problems: { file: string; line: number; message: string }[] }
    ).problems;
    const draftProblems = problems.filter((p) => p.file === 'corpus/library-reopens.md');
    expect(draftProblems.map((p) => p.message).join('\n')).toMatch(
      /"summary" is still to be filled in/,
    );
    expect(draftProblems.every((p) => p.line > 0)).toBe(true);
  });
});

describe('a unit on a page the teacher saved', () => {
  it('goes from a saved page to a built quiz: import, fill in, cite, lint, build', async () => {
    const { mkdtempSync, readFileSync: read, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const root = path.join(mkdtempSync(path.join(tmpdir(), 'handout-unit-')), 'unit');
    expect((await runCli(['init', root], REPO)).code).toBe(0);
    const page = path.join(REPO, 'tests', 'fixtures', 'import', 'news-page.html');
    expect((await runCli(['corpus', 'import', page, '--id', 'library-reopens'], root)).code).toBe(
      0,
    );
    const lint = await runCli(['lint'], root);
    expect(lint.code).toBe(1);
    expect(lint.stdout + lint.stderr).toMatch(
      /corpus\/library-reopens\.md:\d+:1 +error +"summary" is still to be filled in/,
    );

    const article = path.join(root, 'corpus', 'library-reopens.md');
    writeFileSync(
      article,
      read(article, 'utf8').replace(
        /summary: "" # FILL IN:.*/,
        'summary: The town library reopened after flood repairs paid for by a state grant.',
      ),
    );
    const bank = path.join(root, 'questions', 'starter.yaml');
    writeFileSync(
      bank,
      `${read(bank, 'utf8')}
  - id: library-repair-cost
    type: single
    passages: library-reopens#p2
    difficulty: 1
    prompt: How much did the library repairs cost?
    answer: $1.8 million
    distractors: ['$12,000', '$3,000', '$4.2 million']
    evidence: Repairs cost $1.8 million, most of it covered by a state disaster grant
`,
    );
    const clean = await runCli(['lint'], root);
    expect(clean.stdout + clean.stderr, clean.stdout).not.toMatch(/error/);
    expect(clean.code).toBe(0);
    const built = await runCli(['build', '--format', 'html', '--quiet'], root);
    expect(built.code, built.stderr).toBe(0);
    // The bank's exports carry the new question with its citation of the imported article.
    const csv = read(path.join(root, 'out', 'exports', 'csv', 'question-bank.csv'), 'utf8');
    expect(csv).toContain('How much did the library repairs cost?');
    expect(csv).toContain('library-reopens#p2');
  }, 60_000);
});
