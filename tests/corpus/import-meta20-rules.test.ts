/**
 * The title rule learnt from a further tune set of English-language news
 * pages (bench/import-eval/meta20): on a small page written for the test,
 * with what a teacher would see wrong in the draft's `title` without it.
 */
import { describe, expect, it } from 'vitest';
import { found, page } from '../helpers/import-page.js';

const SHARED =
  '<meta property="og:title" content="School day to grow longer for every grade from next autumn">';

describe('a section label inside the headline', () => {
  it('leaves out the section’s name set in its own element at the start of the <h1>', () => {
    const draft = page({
      title: 'County school day grows by 20 minutes',
      head: SHARED,
      top: '<h1 class="entry-title"><div class="entry-section"><a href="/news/schools/">Schools | </a></div><span class="entry-words">School day to grow longer for every grade from next autumn</span></h1>',
    });
    expect(found(draft, 'title')).toBe(
      'School day to grow longer for every grade from next autumn',
    );
  });

  it('keeps a label the declared titles keep too', () => {
    const draft = page({
      title: 'County school day grows by 20 minutes',
      head: '<meta property="og:title" content="Exclusive: School day to grow longer for every grade">',
      top: '<h1><span class="flag">Exclusive:</span> School day to grow longer for every grade</h1>',
    });
    expect(found(draft, 'title')).toBe('Exclusive: School day to grow longer for every grade');
  });
});
