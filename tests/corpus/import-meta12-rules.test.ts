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
