/**
 * The headline and date rules learnt from the seventeenth tune set (bench/import-eval/meta17: Chinese
 * news, government and institution pages): each on a small page written for the test, with what a
 * teacher would see wrong in the draft's `title` or `published` without the rule.
 */
import { describe, expect, it } from 'vitest';
import { draftArticle } from '../../src/corpus/import/draft-article.js';
import { found } from '../helpers/import-page.js';

const HEADLINE = '全县中小学明年起延长上课时间';
const PARAGRAPHS = [
  '县教育局星期二宣布，从明年秋季开始，全县中小学每天的上课时间将延长二十分钟，用于低年级的阅读课和初中的数学课。',
  '教育局负责人说，过去三年低年级的阅读成绩连续下降，延长的时间将主要用于课堂阅读和课后辅导。',
  '教师工会表示，将要求按正常标准支付延长时间的报酬，并将在明年春季预算确定之前与教育局展开谈判。',
];

/** A Chinese page as a portal or an office's site saves it: no lang attribute, no date tags. */
function chinesePage(title: string, header: string, after = ''): ReturnType<typeof draftArticle> {
  const html = `<html><head><meta charset="utf-8"><title>${title}</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/edu/">教育</a></div>
${header}
<div class="content">${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}</div>
${after}</body></html>`;
  return draftArticle({
    bytes: Buffer.from(html),
    kind: 'html',
    name: 'zh.html',
    file: '/tmp/zh.html',
  });
}

describe('a <title> that adds the site’s name after a mark written without spaces', () => {
  it('gives the headline the page shows in a <div>, not the title with the site’s name', () => {
    const draft = chinesePage(
      `${HEADLINE}-县教育网`,
      `<div class="carousel"><a href="/a/1.html">${HEADLINE}</a><a href="/a/2.html">县城新建两所幼儿园</a></div>
<div class="h-title">${HEADLINE}</div><div class="h-info"><span class="h-time">2016-10-14 07:17:40</span></div>`,
    );
    expect(found(draft, 'title')).toBe(HEADLINE);
  });

  it('gives the headline set in a styled <span>, where a space parts it from the column and the site', () => {
    const draft = chinesePage(
      `${HEADLINE} 教育新闻_县新闻网`,
      `<span class="Title"><b>${HEADLINE}</b></span><br><font color="#C30000">来源于：县教育局</font>`,
    );
    expect(found(draft, 'title')).toBe(HEADLINE);
  });

  it('keeps the whole <title> where what the page shows is the site’s name before the headline', () => {
    const draft = chinesePage(`县新闻网_${HEADLINE}`, '<div class="logo">县新闻网</div>');
    expect(found(draft, 'title')).toBe(`县新闻网_${HEADLINE}`);
  });
});

describe('a date a Chinese page prints', () => {
  it('is read after a "published on" label, also in a <font> after the story', () => {
    const draft = chinesePage(
      `${HEADLINE}_县新闻网`,
      `<span class="Title"><b>${HEADLINE}</b></span>`,
      '<div class="share">分享到：微信 微博</div><div class="tools">【打印本页】【关闭窗口】</div><table><tr><td><font color="#666666">发布日期：2016-10-14 责任编辑：李明</font></td></tr></table>',
    );
    expect(found(draft, 'published')).toBe('2016-10-14');
  });

  it('is read on the line under a headline that is set in no heading element', () => {
    const draft = chinesePage(
      `${HEADLINE}-县教育局`,
      `<table><tr><td align="center"><span class="STYLE8">
${HEADLINE}
</span></td></tr><tr><td>来源: | 发布时间: 2016-10-14 | 浏览次数: 2168</td></tr></table>`,
    );
    expect(found(draft, 'published')).toBe('2016-10-14');
  });

  it('is read under a headline that a mobile page sets in an <aside>', () => {
    const draft = chinesePage(
      `${HEADLINE}|县新闻网`,
      `<section class="contxt"><aside class="contxt-aside"><h1>${HEADLINE}</h1><span>2016-10-14 07:17 县新闻网[整理]</span></aside></section>`,
    );
    expect(found(draft, 'published')).toBe('2016-10-14');
  });

  it('is not the date of another story in a list of stories below, each with its own heading', () => {
    const draft = chinesePage(
      `${HEADLINE}|县新闻网`,
      `<h1>${HEADLINE}</h1><span>2016-10-14 07:17 县新闻网</span>`,
      `<section class="rel-list"><ul class="list-tp2"><li><img src="a.jpg" alt=""><h5>县城新建两所幼儿园</h5><p><time>2016-10-15</time><span>107</span></p></li></ul></section>`,
    );
    expect(found(draft, 'published')).toBe('2016-10-14');
  });
});
