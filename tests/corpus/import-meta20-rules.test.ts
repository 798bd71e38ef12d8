/**
 * The rules learnt from a further tune set of English-language news pages
 * (bench/import-eval/meta20): on a small page written for the test, with
 * what a teacher would see wrong in the draft's `title` or `published`
 * without them.
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

/** The byline and the date, set beside the headline in an <aside> as a mobile layout sets them. */
const FACTS =
  '<aside class="mobile"><div class="author_meta"><p>By <a href="/author/jane-doe/">Jane Doe</a></p><p>Friday, 3 Nov, 2023<br/>9:59 am</p></div></aside>';

describe('the byline and date in an <aside>', () => {
  it('takes the date beside the author in an <aside> inside the article', () => {
    const draft = page({
      open: '<article class="post">',
      top: `<header><figure><img src="board.jpg" alt=""><figcaption>County schools</figcaption></figure><h1>School day to grow longer</h1></header>${FACTS}`,
    });
    expect(found(draft, 'published')).toBe('2023-11-03');
  });

  it('does not take an author’s date from an <aside> outside the article', () => {
    const draft = page({
      before:
        '<aside class="widget"><h3>Columnists</h3><div class="author_meta"><p>By <a href="/author/sam-lee/">Sam Lee</a></p><p>Tuesday, 7 Mar, 2023</p></div></aside>',
      open: '<article class="post">',
      top: '<header><h1>School day to grow longer</h1></header>',
    });
    expect(found(draft, 'published')).toBeUndefined();
  });
});
