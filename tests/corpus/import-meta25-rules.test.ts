/**
 * The title rule a look at what nearly went wrong taught (bench/import-eval/meta25 read all its
 * titles right; taking parts of the studied sets' pages away showed a page right only because its
 * headline was in an <h1>): on a small page written for the test, with what a teacher would see wrong
 * in the draft's `title` without the rule.
 */
import { describe, expect, it } from 'vitest';
import { found, page } from '../helpers/import-page.js';

const SITE = 'Plus-Size Fashion - BLOG';

describe('a site whose declared name itself holds a separator', () => {
  it('takes the whole name off a title that ends with it, where no heading shows the headline', () => {
    const draft = page({
      title: `School day to grow longer - ${SITE}`,
      head: `<meta property="og:site_name" content="${SITE}"><meta property="og:title" content="School day to grow longer - ${SITE}">`,
      top: '<div class="post-head">School day to grow longer</div>',
    });
    expect(found(draft, 'title')).toBe('School day to grow longer');
  });

  it('takes it off where the title opens with it', () => {
    const draft = page({
      title: `${SITE} | School day to grow longer`,
      head: `<meta property="og:site_name" content="${SITE}">`,
    });
    expect(found(draft, 'title')).toBe('School day to grow longer');
  });

  it('keeps a title whose words after a dash only begin like the name', () => {
    const draft = page({
      title: 'School day to grow longer - Plus-Size Fashion week next',
      head: `<meta property="og:site_name" content="${SITE}">`,
    });
    expect(found(draft, 'title')).toBe('School day to grow longer - Plus-Size Fashion week next');
  });
});
