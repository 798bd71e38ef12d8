/**
 * The rules learnt from a tune set of htmldate's evaluation pages in further languages
 * (bench/import-eval/meta22): on a small page written for the test, with what a teacher would see
 * wrong in the draft without the rule.
 */
import { describe, expect, it } from 'vitest';
import { found, page } from '../helpers/import-page.js';

describe('a short dotted date closing the meta line', () => {
  it('reads "31.10.23" after the author’s name in the meta line as the 31st of October 2023', () => {
    const draft = page({
      lang: 'de',
      title: 'Schultag wird länger',
      top: '<h1>Schultag wird länger</h1><div class="article-meta-wrapper">Von: Anna Berger <span>|</span> <span>31.10.23</span></div>',
    });
    expect(found(draft, 'published')).toBe('2023-10-31');
  });

  it('does not take a version number that ends a meta line without a separator for a date', () => {
    const draft = page({
      lang: 'de',
      title: 'Neue Version der Schul-App',
      top: '<h1>Neue Version der Schul-App</h1><div class="post-meta">Schul-App Version 1.2.10</div>',
    });
    expect(found(draft, 'published')).toBeUndefined();
  });

  it('does not take a short dotted number inside the meta line’s text for a date', () => {
    const draft = page({
      lang: 'de',
      title: 'Neue Version der Schul-App',
      top: '<h1>Neue Version der Schul-App</h1><div class="post-meta">Von Anna Berger | Version 2.1.10 für alle Schulen</div>',
    });
    expect(found(draft, 'published')).toBeUndefined();
  });
});

describe('an ideographic space inside a headline', () => {
  it('keeps the full-width space that sets a Japanese headline’s parts apart, as the page prints it', () => {
    const draft = page({
      lang: 'ja',
      title: '授業時間を20分延長へ　教育委員会が決定|ニュース',
      top: '<h1>授業時間を20分延長へ　教育委員会が決定</h1>',
      paragraphs: [
        '教育委員会は火曜日、来年の秋から授業時間を20分延ばすことを決めた。保護者や教員の意見を一年かけて聞いたうえでの判断だという。',
        '延ばした時間は低学年の読書と中学校の数学にあてる。読書の成績は三年続けて下がっている。',
      ],
    });
    expect(found(draft, 'title')).toBe('授業時間を20分延長へ\u3000教育委員会が決定');
  });

  it('still reads a run of spaces, tabs or line breaks around it as one ordinary space', () => {
    const draft = page({
      lang: 'ja',
      title: '授業時間を20分延長へ',
      top: '<h1>授業時間を20分延長へ\u3000\n  教育委員会が決定</h1>',
      paragraphs: [
        '教育委員会は火曜日、来年の秋から授業時間を20分延ばすことを決めた。保護者や教員の意見を一年かけて聞いたうえでの判断だという。',
      ],
    });
    expect(found(draft, 'title')).toBe('授業時間を20分延長へ 教育委員会が決定');
  });
});
