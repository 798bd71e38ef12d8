/**
 * The headline and date rules learnt from an eighteenth tune set of blogs, a shop's magazine, a fan
 * site and a club's consumer test (bench/import-eval/meta18): each on a small page written for the
 * test, with what a teacher would see wrong in the draft's `title` or `published` without the rule.
 */
import { describe, expect, it } from 'vitest';
import { found, page } from '../helpers/import-page.js';

describe('the headline', () => {
  it('is the <h1>, not an og:title that is the page’s slug', () => {
    const draft = page({
      title: 'School board news 2023 | County Courier',
      head: '<meta property="og:title" content="school-board-vote-autumn-2023">',
      top: '<h1>Board votes for a longer school day</h1><p>17.01.2023</p>',
    });
    expect(found(draft, 'title')).toBe('Board votes for a longer school day');
  });

  it('keeps a declared title in small letters that is written with spaces', () => {
    const draft = page({
      head: '<meta property="og:title" content="board votes for a longer school day">',
    });
    expect(found(draft, 'title')).toBe('board votes for a longer school day');
  });

  it('leaves out the post’s day that a theme sets as a <time> at the start of the heading', () => {
    const draft = page({
      head: '<meta property="og:title" content="Board votes for a longer school day">',
      before: '<div class="sidetray"><h1>Welcome to the parents’ blog</h1></div>',
      top: '<h2 class="entry-title" itemprop="headline"><time datetime="2023-01-17">Jan 17 </time>Board votes for a longer school day</h2>',
    });
    expect(found(draft, 'title')).toBe('Board votes for a longer school day');
  });

  it('keeps a <time> that stands inside the heading’s words', () => {
    const draft = page({
      head: '<meta property="og:title" content="Board votes on 17 January">',
      top: '<h1>Board votes on <time datetime="2023-01-17">17 January</time></h1>',
    });
    expect(found(draft, 'title')).toBe('Board votes on 17 January');
  });

  it('keeps a year that opens the heading as a <time>', () => {
    const draft = page({
      head: '<meta property="og:title" content="2019 in review: the board’s year">',
      top: '<h1><time datetime="2019">2019</time> in review: the board’s year</h1>',
    });
    expect(found(draft, 'title')).toBe('2019 in review: the board’s year');
  });

  it('is the <h2> that says several parts of the <title>, not the section’s <h1>', () => {
    // The headline holds the title's own separators: it is a run of the title's parts, between the
    // section's name and the site's.
    const draft = page({
      title: 'News - Board vote - School day / Twenty minutes longer - County Courier',
      before: '<h1>County Courier News - <a href="/archive/">Archive</a></h1>',
      top: '<h2>Board vote - School day / Twenty minutes longer</h2>24. Januar 2023, 19:49',
    });
    expect(found(draft, 'title')).toBe('Board vote - School day / Twenty minutes longer');
  });
});

describe('the date', () => {
  // A Blogger theme prints the post's day after it, with the English pattern and the page's month names.
  const AFTER_POST = (date: string) =>
    `<div class="blog_links"><i class="fa fa-calendar"></i><a href="#" rel="bookmark">${date}</a> / <span class="author vcard"><a class="url fn n" href="#" rel="author">Sandra</a></span></div>`;

  it('is read where a German page prints it month first, with a comma before the year', () => {
    const draft = page({
      lang: 'de',
      head: '<link rel="canonical" href="https://blog.example/2017/05/board-vote.html">',
      bottom: AFTER_POST('Mai 03, 2017'),
    });
    expect(found(draft, 'published')).toBe('2017-05-03');
  });

  it('is not read from a month name and a number with no comma before the year', () => {
    const draft = page({ lang: 'de', bottom: AFTER_POST('Mai 03 2017 Ausgabe') });
    expect(found(draft, 'published')).not.toBe('2017-05-03');
  });
});
