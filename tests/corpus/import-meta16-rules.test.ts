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
