/**
 * The headline and date rules learnt from a fourth tune set of pages of
 * further sites (bench/import-eval/meta4): government and civic-education
 * pages, and pages built without heading elements. Each on a small page
 * written for the test, with what a teacher would see wrong in the draft's
 * `title` or `published` without the rule.
 */
import { describe, expect, it } from 'vitest';
import { found, page } from '../helpers/import-page.js';

describe('the headline', () => {
  it('skips an <h1> written for screen readers only and the topic label inside the shown one', () => {
    // A ministry's portal: its name as a hidden <h1>, the portal's name, then the page's own <h1>,
    // which opens with a topic label ("Topic" for screen readers, "Consumer protection" on screen).
    const draft = page({
      title: 'MINISTRY | School day to grow longer',
      before:
        '<h1 class="aural">Federal Ministry of Education and Consumer Protection</h1><h1>Consumerportal</h1>',
      top: '<h1 class="isFirstInSlot"><span class="category"><span class="aural">Topic </span>Consumer protection</span>The school day will grow longer</h1>',
    });
    expect(found(draft, 'title')).toBe('The school day will grow longer');
  });

  it('keeps a heading’s first words when they are not set apart as a label', () => {
    const draft = page({
      title: 'School day to grow longer',
      top: '<h1><span class="first-word">Board</span> votes for a longer school day</h1>',
    });
    expect(found(draft, 'title')).toBe('Board votes for a longer school day');
  });

  it('takes the element named for the headline on a page without headings, not the site’s name', () => {
    // "Site - Headline" as the <title>; the story's photo opens larger from a link, its alt text the
    // headline: a photo, not the site's logo, so the headline part is not dropped as the site's name.
    const draft = page({
      title: 'County Council Group - Board votes for a longer school day',
      before:
        '<div class="top_headline">County Council Group</div><div class="slider"><span class="teaser_headline">Zoo prices to rise</span></div>',
      top:
        '<a href="/files/big/photo.jpg" class="lightview"><img src="/files/big/photo.jpg" alt="Board votes for a longer school day"></a>' +
        '<div id="blog_date">22.05.2014 - Town</div><div id="blog_headline" class="teaser_headline">Board votes for a longer school day</div>',
    });
    expect(found(draft, 'title')).toBe('Board votes for a longer school day');
  });
});
