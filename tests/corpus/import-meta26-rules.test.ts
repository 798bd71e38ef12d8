/**
 * The title rule learnt from a tune set of metascraper's saved pages (bench/import-eval/meta26): on a
 * small page written for the test, with what a teacher would see wrong in the draft's `title` without
 * the rule.
 */
import { describe, expect, it } from 'vitest';
import { found, page } from '../helpers/import-page.js';

/** A site search's heading, saved before its script filled in the words searched for. */
const SEARCH_RESULTS =
  '<section class="results-container"><div class="results-header"><h1><span class="title">Results for </span> "<span id="title-term"></span>"</h1></div><div id="results"></div></section>';

describe('a heading saved with an empty slot for words a script fills in', () => {
  it('is not the headline: the story’s own <h1> is, when no title tag says it', () => {
    const draft = page({
      title: 'Longer days approved | County Courier',
      before: SEARCH_RESULTS,
      top: '<h1>School day to grow longer by twenty minutes</h1>',
    });
    expect(found(draft, 'title')).toBe('School day to grow longer by twenty minutes');
  });

  it('leaves a headline that quotes words as it is', () => {
    const draft = page({
      title: 'Longer days approved | County Courier',
      top: '<h1>Board says "yes" to a longer school day</h1>',
    });
    expect(found(draft, 'title')).toBe('Board says "yes" to a longer school day');
  });
});
