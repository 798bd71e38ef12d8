import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { drawStudentCopies, drawVersions } from '../../src/quiz/draw.js';
import { keyNotation } from '../../src/quiz/key.js';
import { renderCopy } from '../../src/render/quiz-copy.js';
import { renderKey } from '../../src/render/quiz-key.js';
import { renderedItems } from '../../src/render/rendered-items.js';
import { templateEnvironment } from '../../src/render/env.js';
import { QUESTION_TYPES } from '../../src/bank/schema.js';
import { buildBank } from '../../src/bank/load.js';
import { ProblemList } from '../../src/errors.js';
import { blueprint, bundled } from '../quiz/fixtures.js';

const everyType = blueprint(`versions: 2
sections:
${QUESTION_TYPES.map((t) => `  - title: ${t}\n    pick: 2\n    from: { types: [${t}] }`).join('\n')}
`);

async function rendered(seed = 3) {
  const content = await bundled();
  const env = templateEnvironment(content.project.templateDirs);
  const context = { env, corpus: content.corpus, assetsUrl: '../../assets' };
  return drawVersions(content.bank.questions, everyType, seed).map((copy) => ({
    copy,
    html: renderCopy(copy, context),
    key: renderKey(copy, context),
  }));
}

/** What the student copy shows for an item, in the §5 notation the key uses. */
function answerFromCopy($: cheerio.CheerioAPI, number: number, key: string): string {
  const item = $(`fieldset[data-number="${number}"]`);
  const type = item.attr('data-type');
  const letters = item
    .find('[data-letter]')
    .map((_, el) => $(el).attr('data-letter'))
    .get();
  const textOf = (letter: string) =>
    item
      .find(`[data-letter="${letter}"]`)
      .text()
      .replace(/^\s*[A-Z]\s+/, '')
      .trim();
  switch (type) {
    case 'single':
    case 'multiple':
    case 'ordering':
      // The key's letters must all exist on the copy.
      for (const l of key.replace(/ /g, '').split('')) expect(letters).toContain(l);
      return key.split('').map(textOf).join('|');
    default:
      return key;
  }
}

describe('student copies and answer keys', () => {
  it('contain all nine question types', async () => {
    for (const { html, key } of await rendered()) {
      const $ = cheerio.load(html);
      const types = new Set(
        $('fieldset[data-type]')
          .map((_, el) => $(el).attr('data-type'))
          .get(),
      );
      expect([...types].sort()).toEqual([...QUESTION_TYPES].sort());
      const $key = cheerio.load(key);
      expect($key('article.key-item').length).toBe($('fieldset[data-type]').length);
    }
  });

  it("have keys that match their copy item by item, in the copy's own letters", async () => {
    for (const { copy, html, key } of await rendered()) {
      const $ = cheerio.load(html);
      const $key = cheerio.load(key);
      const copyItems = $('fieldset[data-number]')
        .map((_, el) => ({ n: Number($(el).attr('data-number')), id: $(el).attr('data-question') }))
        .get();
      const keyItems = $key('article.key-item')
        .map((_, el) => ({
          n: Number($key(el).attr('data-number')),
          id: $key(el).attr('data-question'),
          key: $key(el).attr('data-key') ?? '',
        }))
        .get();
      expect(keyItems.map(({ n, id }) => ({ n, id }))).toEqual(copyItems);
      for (const item of copy.items) {
        const printed = keyItems.find((k) => k.n === item.number)!;
        expect(printed.key).toBe(keyNotation(item.presentation));
        const p = item.presentation;
        if (p.type === 'single' || p.type === 'multiple') {
          // The letters the key gives are the options the bank marks correct, as printed on this copy.
          const correctTexts = p.options.filter((o) => o.correct).map((o) => o.text);
          const shown = answerFromCopy($, item.number, printed.key);
          expect(shown.split('|').map((t) => t.trim())).toEqual(
            correctTexts.map((t) => cheerio.load(`<p>${t}</p>`)('p').text().trim()),
          );
          const bankAnswers =
            item.question.type === 'single'
              ? [item.question.answer]
              : item.question.type === 'multiple'
                ? item.question.answers
                : [];
          expect([...correctTexts].sort()).toEqual([...bankAnswers].sort());
        }
        if (p.type === 'ordering' && item.question.type === 'ordering') {
          expect(answerFromCopy($, item.number, printed.key).split('|')).toEqual(
            item.question.items.map((t) => cheerio.load(`<p>${t}</p>`)('p').text()),
          );
        }
        if (p.type === 'matching' && item.question.type === 'matching') {
          for (const pair of printed.key.split(' ')) {
            const [, number, letter] = /^(\d+)([A-Z]+)$/.exec(pair)!;
            const left = $(
              `fieldset[data-number="${item.number}"] ol[aria-label="Items to match"] li`,
            )
              .eq(Number(number) - 1)
              .text()
              .replace(/^\s*\d+\.\s*/, '')
              .trim();
            const right = $(`fieldset[data-number="${item.number}"] [data-letter="${letter}"]`)
              .text()
              .replace(/^\s*[A-Z]\s+/, '')
              .trim();
            expect(item.question.pairs.some((q) => q.left === left && q.right === right)).toBe(
              true,
            );
          }
        }
      }
    }
  });

  it('cite the article, outlet, date and paragraph of every answer', async () => {
    const content = await bundled();
    for (const { copy, key } of await rendered()) {
      const $ = cheerio.load(key);
      for (const item of copy.items) {
        const sources = $(`article[data-number="${item.number}"] .source`).text();
        for (const ref of item.question.passages) {
          const article = content.corpus.byId.get(ref.article)!;
          expect(sources).toContain(article.title);
          expect(sources).toContain(article.outlet);
          expect(sources).toContain(`¶${ref.paragraph}`);
        }
      }
    }
  });

  it('put the marking grid first, the seed and version in the footer, and no JavaScript anywhere', async () => {
    for (const { copy, html, key } of await rendered()) {
      const $key = cheerio.load(key);
      expect($key('h2').first().text()).toBe('Marking grid');
      expect($key('.key-grid tbody tr').length).toBe(copy.items.length);
      for (const page of [html, key]) {
        expect(page).toContain(`seed ${copy.seed} · version ${copy.version}`);
        expect(page).not.toMatch(/<script|javascript:|\son[a-z]+=/i);
        const $ = cheerio.load(page);
        expect($('html').attr('lang')).toBe('en');
        const levels = $('h1, h2, h3')
          .map((_, el) => Number(el.tagName.slice(1)))
          .get();
        expect(levels[0]).toBe(1);
        for (let i = 1; i < levels.length; i++)
          expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
      }
    }
  });

  it('escapes bank text and shows raw HTML as text', async () => {
    const content = await bundled();
    const nasty = '<script>alert(1)</script> & ]]> {braces} "quotes" Лавров **bold**';
    const problems = new ProblemList();
    const bank = buildBank(
      [
        {
          file: '/virtual/questions/nasty.yaml',
          text: `questions:\n  - id: nasty\n    type: single\n    passages: lavrov-studying-proposals-2013#p2\n    prompt: ${JSON.stringify(nasty)}\n    answer: ${JSON.stringify(`${nasty} answer`)}\n    distractors: ["<img src=x onerror=alert(1)>", "plain"]\n    evidence: still wants guarantees\n`,
        },
      ],
      problems,
      '/virtual',
    );
    expect(problems.items).toEqual([]);
    const quiz = blueprint('sections:\n  - title: S\n    pick: 1\n    from: { types: [single] }\n');
    const [copy] = drawVersions(bank.questions, quiz, 1);
    const env = templateEnvironment(content.project.templateDirs);
    for (const page of [
      renderCopy(copy!, { env, corpus: content.corpus, assetsUrl: '.' }),
      renderKey(copy!, { env, corpus: content.corpus, assetsUrl: '.' }),
    ]) {
      expect(page).not.toContain('<script>alert');
      expect(page).not.toContain('<img src=x');
      expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(page).toContain('<strong>bold</strong>');
      expect(page).toContain('Лавров');
    }
  });

  it('render a class with questions shared between copies exactly as each copy alone', async () => {
    const content = await bundled();
    const env = templateEnvironment(content.project.templateDirs);
    const alone = { env, corpus: content.corpus, assetsUrl: '.' };
    const shared = { ...alone, items: renderedItems() };
    const students = Array.from({ length: 40 }, (_, i) => ({
      id: `s${i}`,
      name: `Student ${i}`,
      extra: [] as [string, string][],
      row: i + 2,
    }));
    const copies = drawStudentCopies(content.bank.questions, everyType, 5, students);
    for (const copy of copies) expect(renderCopy(copy, shared)).toBe(renderCopy(copy, alone));
    // Forty copies of 18 questions, but far fewer renderings: that is the point of sharing.
    expect(shared.items.html.size).toBeLessThan(copies.length * copies[0]!.items.length);
  });

  it('never shares a question whose text holds the mark that stands for its number', async () => {
    const content = await bundled();
    const problems = new ProblemList();
    const bank = buildBank(
      [
        {
          file: '/virtual/questions/mark.yaml',
          text: `questions:\n  - id: mark\n    type: single\n    passages: lavrov-studying-proposals-2013#p2\n    prompt: "Private use \\uE000 here"\n    answer: "yes"\n    distractors: ["no", "maybe"]\n    evidence: still wants guarantees\n`,
        },
      ],
      problems,
      '/virtual',
    );
    expect(problems.items).toEqual([]);
    const quiz = blueprint('sections:\n  - title: S\n    pick: 1\n    from: { types: [single] }\n');
    const env = templateEnvironment(content.project.templateDirs);
    const context = { env, corpus: content.corpus, assetsUrl: '.', items: renderedItems() };
    for (const copy of drawVersions(bank.questions, quiz, 1, 3)) {
      const page = renderCopy(copy, context);
      expect(page).toContain('Private use \uE000 here');
      expect(page).toContain('<span class="num">1.</span>');
    }
    expect(context.items.html.size).toBe(0);
  });
});
