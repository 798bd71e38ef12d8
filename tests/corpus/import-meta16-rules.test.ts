/**
 * The headline and date rules learnt from a tune set of Chinese pages
 * (bench/import-eval/meta16): each on a small page written for the test, with
 * what a teacher would see wrong in the draft's `title` or `published`
 * without the rule.
 */
import { describe, expect, it } from 'vitest';
import { found, page } from '../helpers/import-page.js';

const HEADLINE = '县教育局决定明年秋季起小学每天延长二十分钟';

describe('the headline in a title joined without spaces', () => {
  it('takes the heading that prints the <title> less the site’s name joined by a bare hyphen', () => {
    const draft = page({
      lang: 'zh-CN',
      title: `${HEADLINE}-河谷日报 教育频道`,
      before: '<div class="modal"><h4 class="modal-title">杂志声明</h4></div>',
      top: `<div class="cover-text"><h4>${HEADLINE}</h4><div><span>时间：2019-09-25</span></div></div>`,
    });
    expect(found(draft, 'title')).toBe(HEADLINE);
    // The date line under that heading is read once the heading is known for the headline.
    expect(found(draft, 'published')).toBe('2019-09-25');
  });

  it('takes the element named for the title where the column’s name comes first, joined by "--"', () => {
    const draft = page({
      lang: 'zh-CN',
      title: `教育新闻--${HEADLINE}`,
      before:
        '<div class="navbar-header"><h1><a class="navbar-brand" href="/">河谷日报_教育新闻_今日要闻 - 河谷日报网</a></h1></div>',
      top: `<div class="page_art_title"><div class="title-text">${HEADLINE}</div><div class="title-meta">发布时间：2019-09-26 10:09:11</div></div>`,
    });
    expect(found(draft, 'title')).toBe(HEADLINE);
  });

  it('joins the bold lines of a resolution set over several lines, as one headline without spaces', () => {
    const draft = page({
      lang: 'zh-CN',
      title: '县人民代表大会常务委员会关于批准延长小学在校时间的决议__2007年第23号公报_县政府网',
      top: '<p align="center"><font size="1"><strong>县人民代表大会常务委员会<br>\n关于批准延长小学在校时间的决议</strong></font><br>\n（2007年6月29日县人民代表大会常务委员会会议通过）</p>',
    });
    expect(found(draft, 'title')).toBe('县人民代表大会常务委员会关于批准延长小学在校时间的决议');
  });

  it('does not take a section’s name printed as a tab for the headline', () => {
    const draft = page({
      lang: 'zh-CN',
      title: `新闻动态-${HEADLINE}`,
      before: '<div class="tabs"><h3>新闻动态</h3></div>',
    });
    expect(found(draft, 'title')).not.toBe('新闻动态');
  });

  it('keeps a headline whose own hyphen is not a join', () => {
    const draft = page({
      title: 'COVID-19 tests to start in every county school',
      top: '<h3 class="entry-title">19 tests to start in every county school</h3>',
    });
    expect(found(draft, 'title')).toBe('COVID-19 tests to start in every county school');
  });
});

describe('the headline of a page whose titles name only the site', () => {
  it('takes the heading a date line follows, where the <title> names the section and the site', () => {
    const draft = page({
      lang: 'zh-CN',
      title: '新闻动态--县教育学会官网',
      before: '<div class="se_nav"><div class="title_la"><h3>首页 - 新闻动态</h3></div></div>',
      top: `<div class="xq_fonts"><h5>${HEADLINE}</h5><div class="ly"><b title="发布时间">发布时间：2019-05-18</b> <i>来源：县教育学会</i></div></div>`,
    });
    expect(found(draft, 'title')).toBe(HEADLINE);
    expect(found(draft, 'published')).toBe('2019-05-18');
  });

  it('keeps the <title> where no heading has a date line under it', () => {
    const draft = page({
      lang: 'zh-CN',
      title: '新闻动态--县教育学会官网',
      top: `<h5>${HEADLINE}</h5><p>县教育学会</p>`,
    });
    expect(found(draft, 'title')).toBe('新闻动态--县教育学会官网');
  });
});

describe('the publication date', () => {
  it('completes a date printed without its year from a markup date on the same day', () => {
    const draft = page({
      lang: 'zh-CN',
      head: '<meta itemprop="dateUpdate" content="2019-10-08 12:00:57">',
      top: `<h2>${HEADLINE}</h2><div class="article-source"><span class="date">发布时间：10-08</span><span class="time">12:00</span></div>`,
    });
    expect(found(draft, 'published')).toBe('2019-10-08');
  });

  it('does not give a year-less date the year of a markup date on another day', () => {
    const draft = page({
      lang: 'zh-CN',
      head: '<meta itemprop="dateUpdate" content="2019-12-29 22:31:02">',
      top: `<h2>${HEADLINE}</h2><div class="article-source"><span class="date">发布时间：10-08</span><span class="time">12:00</span></div>`,
    });
    expect(found(draft, 'published')).toBeUndefined();
  });

  it('reads a tag named for the first publication time, not the last change', () => {
    const draft = page({
      lang: 'zh-CN',
      head: '<meta name="lastmodifiedtime" content="2008-01-02-10:00:00"><meta name="firstpublishedtime" content="2007-08-20-23:59:59">',
      top: '<p align="center"><strong>县人民代表大会常务委员会关于批准延长小学在校时间的决议</strong></p>',
    });
    expect(found(draft, 'published')).toBe('2007-08-20');
  });
});
