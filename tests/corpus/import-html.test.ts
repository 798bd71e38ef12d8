import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftArticle } from '../../src/corpus/import/draft-article.js';
import { REPO } from '../helpers/project.js';

const FIXTURE = path.join(REPO, 'tests', 'fixtures', 'import', 'news-page.html');
const page = (html: string, name = 'page.html') =>
  draftArticle({ bytes: Buffer.from(html), kind: 'html', name, file: `/tmp/${name}` });

describe('corpus import of a saved news page', () => {
  const draft = draftArticle({
    bytes: readFileSync(FIXTURE),
    kind: 'html',
    name: 'news-page.html',
    file: FIXTURE,
  });

  it('keeps the article paragraphs exactly as the page splits them, and nothing else', () => {
    expect(draft.paragraphs).toEqual([
      'LAKE HARBOR - The Lake Harbor public library opened its doors again on Tuesday, eight months after a spring flood soaked its ground floor and ruined more than 12,000 books.',
      "Repairs cost $1.8 million, most of it covered by a state disaster grant, library director Helen Brooks said. The children's room, which took the worst of the water, now sits on the second floor.",
      '"People kept asking when they could come back," Brooks said. "Some of them came every day just to look through the windows."',
      "The town council voted in March to raise the building's foundation by two feet, a change engineers say should keep out a flood of the same size. Work on the foundation ended in May.",
      'Residents donated about 3,000 books to replace the ones lost, and the library bought the rest with money raised at a summer book sale.',
    ]);
  });

  it('reports every removed piece with its element and reason, in page order', () => {
    const lines = draft.removed.map((n) => `${n.element} ${n.reason}: ${n.text}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        '<div class="byline"> byline or date line: By Priya Natarajan',
        '<div class="share-tools"> sharing buttons: Share on Facebook Share on Twitter Email',
        '<figcaption class="caption"> photo caption or credit: Volunteers carry books back into the library on Monday. Photo: Sam Ortiz',
        '<p> "Read more" link to another article: Read more: How the spring flood hit downtown businesses',
        '<p> subscription or promotion line: Sign up for our morning newsletter and never miss a story.',
        '<h3> related-news list: Related coverage',
        '<p> copyright footer: © 2022 The Valley Courier. All rights reserved.',
      ]),
    );
    // Nothing kept is also reported as removed.
    for (const paragraph of draft.paragraphs)
      expect(draft.removed.map((n) => n.text)).not.toContain(paragraph);
    const pull = draft.removed.find((n) => n.text.startsWith('"The children'));
    expect(pull?.reason).toMatch(/pull quote/);
    expect(draft.removed.map((n) => n.text).indexOf('By Priya Natarajan')).toBeLessThan(
      draft.removed.map((n) => n.text).indexOf('Related coverage'),
    );
  });

  it('fills the metadata from the page and says where each value came from', () => {
    expect(draft.markdown).toContain(
      "title: Lake Harbor library reopens after flood repairs # from the page's <h1>, matching og:title",
    );
    expect(draft.markdown).toContain('outlet: The Valley Courier # from og:site_name');
    // The page's own date (23:40 in UTC-5), not the next day in UTC.
    expect(draft.markdown).toContain('published: 2022-06-14 # from JSON-LD datePublished');
    expect(draft.markdown).toContain('author: Priya Natarajan # from the JSON-LD author');
    expect(draft.markdown).toContain(
      'source_url: https://news.example.org/local/library-reopens # from the canonical link',
    );
    expect(draft.blanks).toEqual(['summary']);
  });

  it('never runs the page script', () => {
    expect(draft.markdown).not.toContain('data-ran');
    expect(draft.paragraphs.join(' ')).not.toMatch(/setAttribute|fetch\(/);
  });

  it('falls back to <time>, then to the dateline text, with only the precision the page gives', () => {
    const body =
      '<p>' +
      'The committee met for the third time this spring and agreed on a budget for the new park, officials said. '.repeat(
        3,
      ) +
      '</p>';
    const withTime = page(
      `<html><body><article><h1>Park budget agreed at last</h1><time datetime="2019-03-07">7 March 2019</time>${body.repeat(3)}</article></body></html>`,
    );
    expect(withTime.found.find((f) => f.field === 'published')).toMatchObject({
      value: '2019-03-07',
      from: expect.stringContaining('<time>'),
    });
    const monthOnly = page(
      `<html><body><article><h1>Park budget agreed at last</h1><div class="dateline">Posted in March 2019</div>${body.repeat(3)}</article></body></html>`,
    );
    expect(monthOnly.found.find((f) => f.field === 'published')).toMatchObject({
      value: '2019-03',
      from: expect.stringContaining('dateline text'),
    });
    const none = page(
      `<html><body><article><h1>Park budget agreed at last</h1><p class="updated">Updated 2 hours ago</p>${body.repeat(3)}</article></body></html>`,
    );
    expect(none.blanks).toContain('published');
    expect(none.markdown).toMatch(/published: "" # FILL IN:/);
  });

  it('prefers the headline to a byline or the site name for the title', () => {
    const body =
      '<p>' +
      'Officials said the bridge would stay closed for repairs until the end of the month, and asked drivers to plan ahead. '.repeat(
        3,
      ) +
      '</p>';
    const draft2 = page(
      `<html><head><title>Bridge closed until June - Riverside Post</title><meta property="og:site_name" content="Riverside Post"></head><body><header><h1 class="logo">Riverside Post</h1></header><article><p class="byline">By Ann Lee</p>${body.repeat(3)}</article></body></html>`,
    );
    expect(draft2.found.find((f) => f.field === 'title')).toMatchObject({
      value: 'Bridge closed until June',
      from: 'the page <title>',
    });
  });

  it('reads the character encoding the page declares', () => {
    const text =
      'Le musée a rouvert ses portes mardi, après huit mois de travaux, et les visiteurs étaient nombreux dès le matin.';
    const latin1 = Buffer.from(
      `<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>Réouverture</title></head><body><article><h1>Le musée rouvre</h1>${`<p>${text}</p>`.repeat(4)}</article></body></html>`,
      'latin1',
    );
    const draft3 = draftArticle({
      bytes: latin1,
      kind: 'html',
      name: 'fr.html',
      file: '/tmp/fr.html',
    });
    expect(draft3.paragraphs[0]).toBe(text);
    expect(draft3.encoding.name).toBe('windows-1252');
    // Cyrillic in windows-1251, declared with <meta charset>.
    const cp1251 = new Map<string, number>();
    const decoder = new TextDecoder('windows-1251');
    for (let b = 0; b < 256; b++) cp1251.set(decoder.decode(Uint8Array.of(b)), b);
    const ru =
      'Министр заявил, что переговоры о договоре продолжатся в следующем месяце в Женеве, сообщили журналистам.';
    const html = `<html><head><meta charset="windows-1251"><title>Переговоры</title></head><body><article><h1>Переговоры продолжатся</h1>${`<p>${ru}</p>`.repeat(4)}</article></body></html>`;
    const bytes = Uint8Array.from([...html].map((c) => cp1251.get(c) ?? 0x3f));
    const draft4 = draftArticle({ bytes, kind: 'html', name: 'ru.html', file: '/tmp/ru.html' });
    expect(draft4.paragraphs).toContain(ru);
    expect(draft4.found.find((f) => f.field === 'title')?.value).toBe('Переговоры продолжатся');
    expect(draft4.encoding).toEqual({
      name: 'windows-1251',
      from: "the page's own <meta charset>",
    });
  });

  it('keeps hostile text as text: markup in paragraphs stays literal and YAML stays valid', () => {
    const body =
      '<p>The mayor said &lt;script&gt;alert(1)&lt;/script&gt; was typed into the form by a prankster, according to the clerk.</p>'.repeat(
        3,
      );
    const d = page(
      `<html><head><meta property="og:title" content="Title: with # and &quot;quotes&quot;"></head><body><article>${body}</article></body></html>`,
    );
    expect(d.paragraphs[0]).toContain('<script>alert(1)</script>');
    expect(d.markdown).toContain('title: \'Title: with # and "quotes"\'');
  });

  it('takes the writer from the article, not from a teaser for another story', () => {
    const body =
      '<p>' +
      'The orchestra played its last concert of the season to a full hall, and the conductor thanked the town. '.repeat(
        3,
      ) +
      '</p>';
    const d = page(
      `<html><body><article><h1>Orchestra closes its season</h1><p>by Dana Whitfield</p>${body.repeat(3)}</article><div class="related"><div class="author">by Lee Grant</div></div></body></html>`,
    );
    expect(d.found.find((f) => f.field === 'author')).toMatchObject({
      value: 'Dana Whitfield',
      from: 'the byline <p>',
    });
  });
});
