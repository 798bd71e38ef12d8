/**
 * The date rules learnt from a fifth tune set of pages of further sites
 * (bench/import-eval/meta5): each on a small page written for the test, with
 * what a teacher would see wrong in the draft's `published` without the rule.
 */
import { describe, expect, it } from 'vitest';
import { found, page } from '../helpers/import-page.js';

describe('the date line under the headline', () => {
  it('reads the date that opens the line printed right under the headline', () => {
    // A hand-made blog: no date tag, no <time>, no class that names a date, no date in the address;
    // the headline and its line stand above the post's text, outside the element that holds it.
    const draft = page({
      before:
        '<h2 class="post_title"><a href="/blog/longer-day">School day to grow longer</a></h2><small>January 13, 2020 at 08:45 AM | categories: <a href="/c/schools">Schools</a></small><p/>',
    });
    expect(found(draft, 'published')).toBe('2020-01-13');
  });

  it('reads it when the headline sits alone in a wrapper and the line follows the wrapper', () => {
    const draft = page({
      before:
        '<div class="title-wrap"><h1>School day to grow longer</h1></div><div class="row-a">3 March 2019 · 4 min read</div>',
    });
    expect(found(draft, 'published')).toBe('2019-03-03');
  });

  it('does not take a date the standfirst under the headline talks about', () => {
    const draft = page({
      before:
        '<h1>School day to grow longer</h1><div class="standfirst">The board will decide how to pay for the change at its meeting on March 3, 2019.</div>',
    });
    expect(found(draft, 'published')).toBeUndefined();
  });

  it('does not read the line under another heading of the page', () => {
    const draft = page({
      before:
        '<div class="sidebar"><h3>Bus routes change</h3><small>May 2, 2018 | Transport</small></div>',
      top: '<h1>School day to grow longer</h1>',
    });
    expect(found(draft, 'published')).toBeUndefined();
  });
});

describe('a short dotted date', () => {
  it('reads "17.7.11" in an element named for a date, day first', () => {
    // An old blog template: the day heads the post in its own <h2>, above the post's headline.
    const draft = page({
      lang: 'de',
      before: '<h2 class="date-header">17.7.11</h2>',
      top: '<h3 class="storytitle">School day to grow longer</h3>',
    });
    expect(found(draft, 'published')).toBe('2011-07-17');
  });

  it('reads a two-digit year of the last century as one', () => {
    const draft = page({ before: '<div class="post-date">03.11.98</div>' });
    expect(found(draft, 'published')).toBe('1998-11-03');
  });

  it('does not take a version number in a meta line for a date', () => {
    const draft = page({ before: '<span class="meta">1.2.10</span>' });
    expect(found(draft, 'published')).toBeUndefined();
  });
});

describe('the post’s own footer', () => {
  it('reads the date in the footer of the post’s <section>, after the article’s text', () => {
    // The post is a <section>: its headline, then the <article> with the text, then its <footer>.
    const draft = page({
      lang: 'de',
      before: '<section class="post"><header><h1>School day to grow longer</h1></header>',
      open: '<article class="article">',
      after:
        '<footer class="footer meta"><span class="post-date">12. September 2013</span></footer></section>',
    });
    expect(found(draft, 'published')).toBe('2013-09-12');
  });

  it('does not read a date in the page’s own footer', () => {
    const draft = page({
      top: '<h1>School day to grow longer</h1>',
      after: '<footer id="site-footer"><span class="date">1 January 2020</span></footer>',
    });
    expect(found(draft, 'published')).toBeUndefined();
  });
});
