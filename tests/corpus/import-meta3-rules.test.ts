/**
 * The headline and date rules of the sixth round (issue 13), learnt from a
 * third tune set of pages of further sites and languages
 * (bench/import-eval/meta3): each on a small page written for the test, with
 * what a teacher would see wrong in the draft's `title` or `published`
 * without the rule.
 */
import { describe, expect, it } from 'vitest';
import { found, page } from '../helpers/import-page.js';

describe('the headline', () => {
  it('drops the site’s name set in brackets after the <title>, as its logo names it', () => {
    // No heading and no og:title: the <title> is all that names the story, with the site's name after it.
    const draft = page({
      title: 'The Greedy Dog　＜Story Corner　Fables of the Day＞',
      lang: 'ja',
      before:
        '<table><tr><td><a href="https://stories.example.org/fables/"><img src="logo.gif" alt="Story Corner　Fables of the Day"></a></td></tr></table>',
      top: '<p align="center">The Greedy Dog<br><br></p>',
    });
    expect(found(draft, 'title')).toBe('The Greedy Dog');
  });

  it('keeps a bracketed part of the <title> that does not name the site', () => {
    const draft = page({
      title: 'Budget vote (updated)',
      before: '<a href="/"><img src="logo.gif" alt="The County Courier"></a>',
    });
    expect(found(draft, 'title')).toBe('Budget vote (updated)');
  });
});

describe('the publication date', () => {
  it('reads the day written as a part of the page’s <title> when nothing else dates the page', () => {
    const draft = page({
      title: 'Board votes to lengthen the school day - 07.12.2017 - THE COURIER',
      lang: 'es',
      top: '<h1>Board votes to lengthen the school day</h1>',
    });
    // Day first, as every country that writes dates with dots writes them: 7 December, not 12 July.
    expect(found(draft, 'published')).toBe('2017-12-07');
  });

  it('does not take a number in the headline part of the <title> for a date', () => {
    const draft = page({ title: 'Board adds 20 minutes to the day - 3.5 hours of reading a week' });
    expect(found(draft, 'published')).toBeUndefined();
  });
});
