/**
 * A date printed by an English date pattern with the month translated ("Juni 19th, 2018"), as
 * themes translated by halves print it on pages in other languages.
 */
import { describe, expect, it } from 'vitest';
import { found, page } from '../helpers/import-page.js';

const metaLine = (date: string) =>
  `<h1>Der Schultag wird länger</h1><div class="entry-meta"><span>${date}</span> | <a href="/kategorie/schule/">Schule</a></div>`;

describe('an English ordinal on a date in another language', () => {
  it('is dropped, and the month read before the day as the English pattern prints it', () => {
    const draft = page({ lang: 'de-DE', top: metaLine('Juni 19th, 2018') });
    expect(found(draft, 'published')).toBe('2018-06-19');
  });

  it('is dropped where the day comes first, in any language the page is in', () => {
    const german = page({ lang: 'de', top: metaLine('3rd März 2021') });
    expect(found(german, 'published')).toBe('2021-03-03');
    const french = page({ lang: 'fr', top: metaLine('1st décembre 2020') });
    expect(found(french, 'published')).toBe('2020-12-01');
  });

  it('does not make a date of a numbered word that is not a month', () => {
    const draft = page({ lang: 'de', top: metaLine('Runde 2nd, 2019') });
    expect(found(draft, 'published')).toBeUndefined();
  });
});
