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
    // "最新ニュース (an ideographic space) 2019年3月15日 09:43", every Japanese character written as a reference (as some
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

describe('the publication date, written the Korean or the Japanese way', () => {
  it('reads a Korean date, year first with a dot and a space after each part', () => {
    const draft = page({
      lang: 'ko',
      top: '<p class="blog_date">2023. 2. 5. 11:40</p>',
    });
    expect(found(draft, 'published')).toBe('2023-02-05');
  });

  it('reads a date with the year, month and day signs on a page that declares no language', () => {
    // A blog built without a lang attribute prints its entry's date in the <h4> under the title.
    const draft = page({
      lang: '',
      head: '<meta property="og:site_name" content="Ana’s notebook">',
      title: 'The board votes to lengthen the school day:Ana’s notebook',
      top: '<h3 class="hl">The board votes to lengthen the school day</h3><h4 class="hl">2019年04月04日-</h4>',
    });
    expect(found(draft, 'published')).toBe('2019-04-04');
  });
});

describe('the headline', () => {
  it('leaves out the page counter of an article split over pages', () => {
    const draft = page({
      head: '<meta property="og:title" content="A longer school day, explained (1/2)">',
      top: '<h1>A longer school day, explained (1/2)</h1>',
    });
    expect(found(draft, 'title')).toBe('A longer school day, explained');
  });

  it('takes off the site’s name joined to the title by a colon without spaces', () => {
    // The <h1> is the blog's logo; the entry's title is an <h3>.
    const draft = page({
      head: `<meta property="og:site_name" content="phpnotes開発日誌">
        <meta property="og:title" content="マインドマップ風のツリーを描画できる「Treeviz」:phpnotes開発日誌">`,
      lang: 'ja',
      before: '<h1><a href="/"><img src="/logo.png" alt="phpnotes開発日誌"></a></h1>',
      top: '<h3 class="hl">マインドマップ風のツリーを描画できる「Treeviz」</h3>',
    });
    expect(found(draft, 'title')).toBe('マインドマップ風のツリーを描画できる「Treeviz」');
  });

  it('takes a diary entry’s title under the diary’s name, without its permalink mark', () => {
    const draft = page({
      title: 'Ana’s notebook - The board votes to lengthen the school day by twenty minutes',
      before: '<h1>Ana’s notebook</h1>',
      top: `<h2><span class="date">February 11, 2019</span></h2>
        <h3><a name="p01" href="#p01"><span class="sanchor">■</span> </a>The board votes to lengthen the school day by twenty minutes</h3>`,
    });
    expect(found(draft, 'title')).toBe(
      'The board votes to lengthen the school day by twenty minutes',
    );
  });

  it('keeps the <h1> headline when a shorter part of the title is a section’s heading lower down', () => {
    const draft = page({
      title: 'School day to grow longer by twenty minutes - Your Money Today - Lifestyle',
      top: '<h1>School day to grow longer by twenty minutes</h1>',
      after:
        '<div class="module"><h2>Your Money Today</h2><p>Five ways to save on groceries</p></div>',
    });
    expect(found(draft, 'title')).toBe('School day to grow longer by twenty minutes');
  });
});
