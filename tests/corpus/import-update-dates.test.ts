/**
 * The time of a later edit is never taken for the publication date: themes print it, often hidden,
 * beside the date a reader sees (`<span class="updated rich-snippet-hidden">` in WordPress).
 */
import { describe, expect, it } from 'vitest';
import { found, page } from '../helpers/import-page.js';

const EDITED = '<span class="updated rich-snippet-hidden">2019-01-07T17:27:31+02:00</span>';

describe('a date marked as a later edit', () => {
  it('is left out of the meta line that holds the date shown', () => {
    const draft = page({
      before: `<div class="post-meta-info"><span class="author">Jo Park</span>${EDITED}<span>June 19, 2018</span> | <a href="/category/schools/">Schools</a></div>`,
    });
    expect(found(draft, 'published')).toBe('2018-06-19');
  });

  it('is not read as the date line under the headline', () => {
    const draft = page({
      top: `<h1>The school day will grow longer</h1><div>${EDITED} <span>Posted June 19, 2018</span></div>`,
    });
    expect(found(draft, 'published')).toBe('2018-06-19');
  });

  it('leaves the date blank to fill in when it is the only one', () => {
    const draft = page({
      top: `<h1>The school day will grow longer</h1><div class="entry-meta">${EDITED}</div>`,
    });
    expect(found(draft, 'published')).toBeUndefined();
    expect(draft.blanks).toContain('published');
  });
});
