import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftArticle, splitBlocks } from '../../src/corpus/import.js';
import { parseArticle } from '../../src/corpus/load.js';
import { ProblemList } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';
import { REPO, SHARED, makeProject } from '../helpers/project.js';

const seeds = readdirSync(path.join(SHARED, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
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
      for (const note of draft.removed) expect(article.paragraphs.some((p) => p.text === note.text)).toBe(false);
    });
  }

  it('takes the headline, date and dateline from the page and leaves the rest as marked blanks', () => {
    const raw = readFileSync(path.join(SHARED, 'seeds', '001_62e2bfc8a0445108.txt'), 'utf8');
    const draft = draftArticle(raw, { sourceFile: '001_62e2bfc8a0445108.txt' });
    expect(draft.markdown).toContain('title: Russia to study NATO proposals on missile defense');
    expect(draft.markdown).toContain('published: 2010-11-04');
    expect(draft.markdown).toContain('dateline: Moscow');
    expect(draft.blanks).toEqual(['outlet', 'summary']);
    expect(draft.removed.map((r) => r.reason)).toEqual(expect.arrayContaining(['breadcrumb navigation', 'related-news list']));
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
    expect(splitBlocks('One line here.\nAnother line.\nThird.\n').map((b) => b.text)).toEqual(['One line here.', 'Another line.', 'Third.']);
    expect(splitBlocks('A wrapped\nparagraph.\n\nNext one.\n').map((b) => b.text)).toEqual(['A wrapped paragraph.', 'Next one.']);
  });

  it('writes a draft that lint rejects until the blanks are filled', async () => {
    const root = makeProject({}, { corpus: false });
    const seed = path.join(SHARED, 'seeds', '003_05cd6d67e97d83d5.txt');
    const imported = await runCli(['corpus', 'import', seed, '--id', 'ryabkov-guarantees'], root);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain('fill in outlet, published, summary');
    const lint = await runCli(['lint', '--format', 'json'], root);
    expect(lint.code).toBe(1);
    const fields = (JSON.parse(lint.stdout) as { problems: { message: string }[] }).problems.map((p) => p.message);
    expect(fields.join('\n')).toMatch(/"outlet" is empty/);
    const again = await runCli(['corpus', 'import', seed, '--id', 'ryabkov-guarantees'], root);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  });
});
