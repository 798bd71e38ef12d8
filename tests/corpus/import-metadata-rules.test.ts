/**
 * The headline and date rules of the fourth round (issue 13), learnt from a
 * tune set of 60 pages of other sites (bench/import-eval/meta): each on a
 * small page written for the test, with what a teacher would see wrong in
 * the draft's `title` or `published` without the rule.
 */
import { describe, expect, it } from 'vitest';
import { found, page } from '../helpers/import-page.js';

const HEADLINE = 'Board votes to lengthen the school day by twenty minutes';

describe('the headline', () => {
  it('reads meta tags whose value is in a `value` attribute', () => {
    const draft = page({
      title: 'School day | The County Courier',
      head: `<meta name="og:title" value="${HEADLINE}"><meta name="article:published_time" value="2016-12-09T10:00:00-05:00">`,
    });
    expect(found(draft, 'title')).toBe(HEADLINE);
    expect(found(draft, 'published')).toBe('2016-12-09');
  });

  it('takes the <h1> that matches the <title> over one in a sidebar that matches og:title', () => {
    const draft = page({
      title: `${HEADLINE} - The County Courier`,
      head: '<meta property="og:title" content="Board lengthens school day"><meta property="og:site_name" content="The County Courier">',
      top: `<header><h1>${HEADLINE}</h1></header>`,
      after: '<div class="sidebar"><article><h1>Board lengthens school day</h1></article></div>',
    });
    expect(found(draft, 'title')).toBe(HEADLINE);
  });

  it('takes the heading that says what og:title says when the <h1> is the blog’s name', () => {
    const draft = page({
      title: 'School day - Notes from the Board – county.org',
      head: `<meta property="og:title" content="${HEADLINE}">`,
      before: '<h1>Notes from the Board: Your Weekly School News</h1>',
      top: `<h2>${HEADLINE}</h2>`,
    });
    expect(found(draft, 'title')).toBe(HEADLINE);
  });

  it('takes the heading marked as the headline over an alternative one that matches the <title>', () => {
    const draft = page({
      title: 'Longer School Day | The County Courier',
      head: '<meta property="og:site_name" content="The County Courier">',
      top: `<header><h1 itemprop="alternativeHeadline">Longer School Day</h1><h2 itemprop="headline">${HEADLINE}</h2></header>`,
    });
    expect(found(draft, 'title')).toBe(HEADLINE);
  });

  it('takes the article’s own heading when every <h1> is the site’s logo', () => {
    const draft = page({
      title: 'You Will Not Believe What the Board Just Did!',
      head: '<meta property="og:title" content="You Will Not Believe What the Board Just Did!"><meta property="og:site_name" content="The County Courier">',
      before: '<header class="site-header"><h1>The County Courier</h1></header>',
      open: '<article>',
      top: `<header><h2>${HEADLINE}</h2></header>`,
    });
    expect(found(draft, 'title')).toBe(HEADLINE);
  });

  it('drops a site name spelt in the page’s address from the <title>', () => {
    // No og:site_name and no <h1>: the <title> is all there is, and its suffix is the site's name.
    const draft = page({
      title: `${HEADLINE} - County Courier`,
      head: '<link rel="canonical" href="https://www.countycourier.com/news/school-day">',
    });
    expect(found(draft, 'title')).toBe(HEADLINE);
    // A last part that is not the site's name stays: it is part of the headline.
    const own = page({
      title: 'Board votes - and parents react',
      head: '<link rel="canonical" href="https://www.countycourier.com/news/school-day">',
    });
    expect(found(own, 'title')).toBe('Board votes - and parents react');
  });

  it('drops the label an opinion piece carries before its headline in the <title>', () => {
    const draft = page({ title: `Opinion | ${HEADLINE}` });
    expect(found(draft, 'title')).toBe(HEADLINE);
  });

  it('keeps an <h1> inside a layout wrapper named for its sidebar', () => {
    const draft = page({
      title: 'Longer day',
      head: '<meta property="og:title" content="Board to lengthen school day">',
      before: '<div class="content-sidebar-wrap">',
      top: `<h1>${HEADLINE}</h1>`,
      after: '</div>',
    });
    expect(found(draft, 'title')).toBe(HEADLINE);
  });
});

describe('the publication date', () => {
  it('takes the day the page shows when the declared time in UTC falls on the next day', () => {
    const draft = page({
      head: '<meta property="article:published_time" content="2016-12-20T00:08:44+00:00">',
      top: '<p class="byline-date">December 19, 2016 | 7:08pm</p>',
    });
    expect(found(draft, 'published')).toBe('2016-12-19');
    // A declared time with the outlet's own offset is its day as printed.
    const local = page({
      head: '<meta property="article:published_time" content="2016-12-20T00:08:44-05:00">',
      top: '<p class="byline-date">December 19, 2016 | 7:08pm</p>',
    });
    expect(found(local, 'published')).toBe('2016-12-20');
  });

  it('reads a <time> whose page has feature switches named "related" on its <body>', () => {
    const time = '<time class="updated" datetime="2016-10-13T12:34:00-04:00">Today 12:34pm</time>';
    const draft = page({ bodyClass: 'permalink f_related_module_on', top: time });
    expect(found(draft, 'published')).toBe('2016-10-13');
    // A part of the page named for related stories still holds other stories' dates.
    const related = page({ after: `<div class="related-stories">${time}</div>` });
    expect(found(related, 'published')).toBeUndefined();
  });

  it('reads the date in the article’s side column, but not in a sidebar of other stories', () => {
    const draft = page({
      open: '<article>',
      top: '<aside class="left-rail"><time class="content-published-date">December 9, 2016</time></aside>',
      after: '<aside><time>December 1, 2016</time></aside>',
    });
    expect(found(draft, 'published')).toBe('2016-12-09');
  });

  // Outside the article's text: a date line inside it is read as the text's own date line.
  it('reads a line labelled "Updated:" whatever its element is called', () => {
    const draft = page({
      before: '<div class="x9"><span class="x7Gq">Updated: Dec 15, 2016 2:57 PM UTC</span></div>',
    });
    expect(found(draft, 'published')).toBe('2016-12-15');
    // The teacher is told the day is the last update's, which may be later than the story's first day.
    const from = draft.found.find((f) => f.field === 'published')?.from;
    expect(from).toMatch(/last updated .*check it/);
  });

  it('prefers the line labelled "Published" to the one labelled "Updated"', () => {
    const draft = page({
      before:
        '<div class="x9"><span class="a1">Updated March 3, 2017</span><span class="a2">Published March 1, 2017</span></div>',
    });
    expect(found(draft, 'published')).toBe('2017-03-01');
    expect(draft.found.find((f) => f.field === 'published')?.from).not.toMatch(/updated/i);
  });

  it('reads a line that is only a date in the article’s header', () => {
    const draft = page({
      open: '<article>',
      top: `<header><h1>${HEADLINE}</h1><span class="story__info__item">By Kathy Wise</span><span class="story__info__item">December 14, 2016</span></header>`,
    });
    expect(found(draft, 'published')).toBe('2016-12-14');
  });

  it('reads the date beside the author’s name, with a line break between them', () => {
    const draft = page({
      top: '<div class="head"><a href="/author/tg" rel="author">Tana Ganeva</a><br><a href="/2016/12/22/">22 Dec 2016 at 14:27 ET</a></div>',
    });
    expect(found(draft, 'published')).toBe('2016-12-22');
  });

  it('reads a byline identified by its id, longer than a date element', () => {
    const draft = page({
      top: '<div id="Byline">Print Email Rajeev Dhir | Advance Media for the County Courier By Rajeev Dhir | Advance Media for the County Courier on December 13, 2016 at 4:51 PM</div>',
    });
    expect(found(draft, 'published')).toBe('2016-12-13');
  });

  it('reads microdata’s dateCreated when the page marks no datePublished, before an unmarked <time>', () => {
    const draft = page({
      top: '<div itemscope itemtype="http://schema.org/NewsArticle"><meta itemprop="dateCreated" content="2016-12-19T14:24:09-05:00"><time datetime="2016-12-21T09:00:00-05:00">Dec 21, 2016</time></div>',
    });
    expect(found(draft, 'published')).toBe('2016-12-19');
    const both = page({
      top: '<meta itemprop="dateCreated" content="2016-12-19T14:24:09-05:00"><meta itemprop="datePublished" content="2016-12-20T10:32:57-05:00">',
    });
    expect(found(both, 'published')).toBe('2016-12-20');
  });

  it('reads a meta tag whose name says it is the first publication, not one of a later edit', () => {
    const draft = page({
      head: '<meta name="article_date_updated" content="Thursday, December 22, 2016, 3:53 PM"><meta name="article_date_original" content="Wednesday, December 21, 2016, 2:47 PM">',
    });
    expect(found(draft, 'published')).toBe('2016-12-21');
    const edited = page({
      head: '<meta name="article_date_updated" content="Thursday, December 22, 2016, 3:53 PM">',
    });
    expect(found(edited, 'published')).toBeUndefined();
  });
});
