import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { briefingModel } from '../../src/briefing/model.js';
import { openBookModel } from '../../src/briefing/open-book.js';
import { renderBriefing, renderOpenBook } from '../../src/render/briefing.js';
import { templateEnvironment } from '../../src/render/env.js';
import { drawVersions } from '../../src/quiz/draw.js';
import type { BriefingConfig, Edition } from '../../src/briefing/config.js';
import { bundled } from '../quiz/fixtures.js';
import { runCli } from '../helpers/cli.js';
import { ARTICLE, makeProject } from '../helpers/project.js';

async function render(config: Partial<BriefingConfig>, edition: Edition, overview = true) {
  const content = await bundled();
  const base = content.briefings[0]!;
  const model = briefingModel({ ...base, ...config }, edition, content, { overview });
  return {
    content,
    model,
    $: cheerio.load(
      renderBriefing(
        model,
        templateEnvironment(content.project.templateDirs),
        'letter',
        '../../assets',
      ),
    ),
  };
}

describe('briefings', () => {
  it('print every passage number so that it resolves to the right passage', async () => {
    const { content, $ } = await render({}, 'student');
    const refs = $('[data-ref]');
    expect(refs.length).toBeGreaterThan(50);
    refs.each((_, el) => {
      const ref = $(el).attr('data-ref')!;
      const [id, n] = ref.split('#p');
      const article = content.corpus.byId.get(id!);
      expect(article, ref).toBeDefined();
      const paragraph = article!.paragraphs[Number(n) - 1];
      expect(paragraph, ref).toBeDefined();
      // Quoted passages carry the article's exact words after their ¶ label.
      if (el.tagName === 'blockquote')
        expect(
          $(el)
            .text()
            .replace(/^Art\. \d+ ¶\d+/, ''),
        ).toBe(paragraph!.text);
      // Links name the same paragraph number they point to.
      if (el.tagName === 'a') expect($(el).text()).toBe(`¶${n}`);
    });
  });

  it('number articles consistently: "Art. N" is the Nth article on the cover', async () => {
    const { model, $ } = await render({}, 'student');
    const cover = $('.cover ol li')
      .map((_, el) => $(el).text())
      .get();
    expect(cover.map((t) => model.articles.findIndex((a) => t.startsWith(a.title)))).toEqual(
      model.articles.map((_, i) => i),
    );
    expect($('a[data-ref]').length).toBeGreaterThan(0);
    $('a[data-ref]').each((_, el) => {
      const [id] = $(el).attr('data-ref')!.split('#p');
      const group = $(el).closest('.ref-group');
      expect(group.attr('data-article')).toBe(id);
      const number = Number(/^Art\. (\d+)/.exec(group.text())![1]);
      expect(model.articles[number - 1]!.id).toBe(id);
    });
  });

  it('restricted to two articles, contain nothing from the others', async () => {
    const keep = ['russia-wants-guarantees-2011', 'grushko-russia-nato-2010'];
    const { content, model, $ } = await render({ articles: keep }, 'teacher', false);
    expect(model.articles.map((a) => a.id).sort()).toEqual([...keep].sort());
    const text = $('body').text();
    for (const article of content.corpus.articles.filter((a) => !keep.includes(a.id))) {
      expect(text).not.toContain(article.title);
      for (const p of article.paragraphs) expect(text).not.toContain(p.text);
    }
    $('[data-ref]').each((_, el) => expect(keep).toContain($(el).attr('data-ref')!.split('#p')[0]));
    for (const q of model.discussion)
      expect(content.bank.byId.get(q.id)!.passages.every((p) => keep.includes(p.article))).toBe(
        true,
      );
    expect($('#overview').length).toBe(0);
  });

  it('keep teacher-only content out of the student edition', async () => {
    const teacher = await render({}, 'teacher');
    const student = await render({}, 'student');
    expect(teacher.$('.teacher-only').length).toBeGreaterThan(0);
    expect(teacher.$('#lesson-notes').length).toBe(1);
    expect(student.$('.teacher-only').length).toBe(0);
    expect(student.$('#lesson-notes').length).toBe(0);
    const studentText = student.$('body').text();
    for (const q of teacher.model.discussion)
      for (const point of q.guidance ?? []) expect(studentText).not.toContain(point.slice(0, 40));
    const notes = teacher.content.briefings[0]!.lessonNotes!;
    expect(studentText).not.toContain(
      notes
        .split('\n')
        .find((l) => l.trim().length > 40)!
        .trim()
        .slice(0, 40),
    );
  });

  it('show dates with their own precision, in order, with background marked', async () => {
    const { model, $ } = await render({}, 'student');
    expect(model.timeline.length).toBeGreaterThanOrEqual(15);
    const dates = $('.timeline td.date')
      .map((_, el) => $(el).text())
      .get();
    expect(dates).toContain('2011');
    expect(dates.some((d) => /^[A-Z][a-z]{2} \d{4}$/.test(d))).toBe(true);
    expect(dates.some((d) => /^\d{1,2} [A-Z][a-z]{2} \d{4}/.test(d))).toBe(true);
    expect($('.background').length).toBeGreaterThan(0);
    expect($('.cover').text()).toMatch(/about \d+ minutes \(\d+ words\)/);
  });
});

describe('open-book packs', () => {
  it('contain every passage the quiz version cites and no others, numbered as the key cites them', async () => {
    const content = await bundled();
    const quiz = content.blueprints.find((b) => b.id === 'missile-defense-unit')!;
    for (const copy of drawVersions(content.bank.questions, quiz, quiz.seed)) {
      const cited = new Set(copy.items.flatMap((i) => i.question.passages.map((p) => p.ref)));
      const html = renderOpenBook(
        openBookModel(copy, content.corpus),
        templateEnvironment(content.project.templateDirs),
        'letter',
        '../../assets',
      );
      const $ = cheerio.load(html);
      const printed = $('blockquote[data-ref]')
        .map((_, el) => $(el).attr('data-ref'))
        .get();
      expect(new Set(printed)).toEqual(cited);
      expect(printed).toHaveLength(cited.size);
      $('blockquote[data-ref]').each((_, el) => {
        const [id, n] = $(el).attr('data-ref')!.split('#p');
        expect($(el).find('.para-num').text()).toBe(`¶${n}`);
        expect($(el).text().replace(/^¶\d+/, '')).toBe(
          content.corpus.byId.get(id!)!.paragraphs[Number(n) - 1]!.text,
        );
      });
    }
  });
});

describe('reference data', () => {
  it('lint catches broken refs and evidence in people, glossary and timeline', async () => {
    const root = makeProject({
      'questions/reference/people.yaml': `people:\n  - id: lavrov\n    name: Sergei Lavrov\n    roles:\n      - role: Foreign Minister\n        passages: [${ARTICLE}#p30]\n        evidence: Russian Foreign Minister Sergei Lavrov\n`,
      'questions/reference/glossary.yaml': `terms:\n  - id: interceptor\n    term: interceptor\n    kind: weapon\n    definition: A missile that destroys other missiles.\n    evidence: a new kind of interceptor\n`,
      'questions/reference/timeline.yaml': `events:\n  - id: meeting\n    date: "2013-04-23"\n    event: Ministers met.\n    passages: [missing-article#p1]\n    evidence: Lavrov met with NATO foreign ministers\n`,
    });
    const result = await runCli(['lint', '--format', 'json'], root);
    const problems = (
      JSON.parse(result.stdout) as { problems: { file: string; line: number; code: string }[] }
    ).problems;
    expect(result.code).toBe(1);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'questions/reference/glossary.yaml',
        line: 6,
        code: 'evidence-not-found',
      }),
      expect.objectContaining({
        file: 'questions/reference/people.yaml',
        line: 6,
        code: 'paragraph-out-of-range',
      }),
      expect.objectContaining({
        file: 'questions/reference/timeline.yaml',
        line: 5,
        code: 'unknown-article',
      }),
    ]);
  });
});
