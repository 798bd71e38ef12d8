/**
 * The headline and date rules learnt from the ninth tune set
 * (bench/import-eval/meta9: news, blogs and a diary in Japanese, a Korean
 * blog): each on a small page written for the test, with what a teacher
 * would see wrong in the draft's `title` or `published` without the rule.
 */
import { describe, expect, it } from 'vitest';
import { found, page } from '../helpers/import-page.js';

describe('the publication date', () => {
  it('reads a date line the page writes with character references as the reader sees it', () => {
    // "最新ニュース　2019年3月15日 09:43", every Japanese character written as a reference (as some
    // tools save pages): the parser makes a text of each, and read with spaces between them the date
    // was "2019 年 3 月 15 日", no date at all.
    const draft = page({
      lang: 'ja',
      title: '市の図書館、夜九時まで開館へ',
      top: `<h1>&#x5E02;&#x306E;&#x56F3;&#x66F8;&#x9928;&#x3001;&#x591C;&#x4E5D;&#x6642;&#x307E;&#x3067;&#x958B;&#x9928;&#x3078;</h1>
        <p class="fs12"><a href="/news/">&#x6700;&#x65B0;&#x30CB;&#x30E5;&#x30FC;&#x30B9;</a>&#x3000;2019&#x5E74;3&#x6708;15&#x65E5; 09:43</p>`,
    });
    expect(found(draft, 'published')).toBe('2019-03-15');
  });
});
