/**
 * The headline and date rules learnt from the seventh tune set
 * (bench/import-eval/meta7: newspaper4k's pages of 2014-2015 news and
 * magazine sites): each on a small page written for the test, with what a
 * teacher would see wrong in the draft's `title` or `published` without the
 * rule.
 */
import { describe, expect, it } from 'vitest';
import { found, page } from '../helpers/import-page.js';

const canonical = (address: string): string => `<link rel="canonical" href="${address}">`;

describe('the headline', () => {
  it('finds the heading that opens a title whose parts are joined with colons and end in the site’s name', () => {
    // The headline is an <h2> under the blog's name; the declared titles add the blog, the section and
    // the site after colons, so no heading says any of them whole.
    const title = 'Board votes to lengthen the school day: Schools Blog: Local News: The Courier';
    const draft = page({
      title,
      head: `<meta property="og:site_name" content="The Courier"><meta property="og:title" content="${title}">`,
      before: '<h2>Schools Blog</h2>',
      top: '<h2 class="entry-title">Board votes to lengthen the school day</h2>',
    });
    expect(found(draft, 'title')).toBe('Board votes to lengthen the school day');
  });

  it('keeps a colon of the headline’s own, where the title’s last part is not the site’s name', () => {
    const draft = page({
      title: 'School day: what the longer hours mean for parents',
      top: '<h2>School day</h2>',
    });
    expect(found(draft, 'title')).toBe('School day: what the longer hours mean for parents');
  });
});

describe('the publication date', () => {
  it('reads JSON-LD dateCreated when the structured data gives no datePublished', () => {
    const draft = page({
      head: '<script type="application/ld+json">{"@type":"NewsArticle","headline":"School day to grow longer","dateCreated":"2014-06-02T08:07:42+00:00"}</script>',
    });
    expect(found(draft, 'published')).toBe('2014-06-02');
  });

  it('reads the pub_date of a Parse.ly tag before the month in the address', () => {
    // A monthly magazine files its feature under the month; the day it went online is in the tag.
    const draft = page({
      head:
        canonical('https://magazine.example.org/homes/2015-01/school-day-article') +
        `<meta name="parsely-page" content='{"title":"School day to grow longer","pub_date":"2014-12-02T10:00:00","section":"homes"}'>`,
    });
    expect(found(draft, 'published')).toBe('2014-12-02');
  });

  it('prefers the printed date to a declared one that the page’s address contradicts', () => {
    // A template's default date in article:published_time; the page prints the day its address gives.
    const draft = page({
      head:
        canonical('https://news.example.org/blogs/schools/2014/05/school-day.html') +
        '<meta property="article:published_time" content="2009-09-02T00:00:00-04:00">',
      top: '<div class="entry-date">On May 23, 2014 at 1:30 PM</div><h2>School day to grow longer</h2>',
    });
    expect(found(draft, 'published')).toBe('2014-05-23');
  });

  it('keeps the declared date when the printed date does not agree with the address either', () => {
    const draft = page({
      head:
        canonical('https://news.example.org/2014/05/school-day.html') +
        '<meta property="article:published_time" content="2014-06-02T09:00:00-04:00">',
      top: '<div class="entry-date">June 2, 2014</div>',
    });
    expect(found(draft, 'published')).toBe('2014-06-02');
  });
});
