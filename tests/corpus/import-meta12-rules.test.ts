/**
 * The headline and date rules learnt from a twelfth tune set of big newspaper and magazine pages
 * (bench/import-eval/meta12): each on a small page written for the test, with what a teacher would
 * see wrong in the draft's `title` or `published` without the rule.
 */
import { describe, expect, it } from 'vitest';
import { found, page } from '../helpers/import-page.js';

const BREADCRUMB_H1 =
  '<div class="breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/schools/">Schools</a></li><li><h1>Longer school days start in autumn!</h1></li></ol></div>';

describe('the headline', () => {
  it('is the article’s own heading, not the breadcrumb’s <h1>, where a declared title says the heading', () => {
    // The breadcrumb's <h1> says the <title>'s and the JSON-LD's wording; og:title says the heading's.
    const draft = page({
      title: 'Longer school days start in autumn! | The County Courier',
      head:
        '<meta property="og:title" content="The school day will grow by twenty minutes">' +
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Longer school days start in autumn!"}</script>',
      before: BREADCRUMB_H1,
      top: '<header><h2 class="article-headline">The school day will grow by twenty minutes</h2></header>',
    });
    expect(found(draft, 'title')).toBe('The school day will grow by twenty minutes');
  });

  it('is still the breadcrumb’s <h1> where no other heading says a declared title', () => {
    const draft = page({
      title: 'Longer school days start in autumn! | The County Courier',
      head: '<meta property="og:title" content="Longer school days start in autumn!">',
      before: BREADCRUMB_H1,
      top: '<h2>What parents said</h2>',
    });
    expect(found(draft, 'title')).toBe('Longer school days start in autumn!');
  });
});

describe('the date', () => {
  const LD_UTC =
    '<script type="application/ld+json">{"@type":"NewsArticle","headline":"School day to grow longer","datePublished":"2023-01-17T00:30:41Z"}</script>';
  // The site's top bar prints the day the page was saved, in an element named for a date, before the story.
  const TOP_BAR =
    '<div class="weather-date"><div class="date">Friday, January 20th 2023</div></div>';

  it('is the day the article’s own <time> prints where the declared time is in UTC and a day later', () => {
    const draft = page({
      head: LD_UTC,
      before: TOP_BAR,
      top: '<h1>School day to grow longer</h1><div class="meta">PUBLISHED: <time datetime="2023-01-16 16:30:41">January 16, 2023 at 4:30 p.m.</time></div>',
    });
    expect(found(draft, 'published')).toBe('2023-01-16');
  });

  it('stays the declared day where the article’s <time> prints that day, whatever a top bar says', () => {
    const draft = page({
      head: LD_UTC,
      before: '<div class="date">Monday, January 16th 2023</div>',
      top: '<h1>School day to grow longer</h1><time datetime="2023-01-17T00:30:41Z">January 17, 2023</time>',
    });
    expect(found(draft, 'published')).toBe('2023-01-17');
  });
});
