/**
 * The title and date rules learnt from a further tune set of pages of sites
 * in no other set (bench/import-eval/meta23): each on a small page written
 * for the test, with what a teacher would see wrong in the draft's `title`
 * or `published` without the rule.
 */
import { describe, expect, it } from 'vitest';
import { found, page } from '../helpers/import-page.js';

const og = (title: string, site?: string) =>
  `<meta property="og:title" content="${title}">${site ? `<meta property="og:site_name" content="${site}">` : ''}`;

describe('a domain after a colon in the headline', () => {
  it('keeps a headline with a colon whose title ends in the site’s domain', () => {
    const draft = page({
      title: 'Bus Stops: New Shelters for the Winter - Schoolnews.com',
      head: og('Bus Stops: New Shelters for the Winter - Schoolnews.com'),
      top: '<div class="video-panel"><a class="title" href="/bus-stops">Bus Stops: New Shelters for the Winter</a></div>',
    });
    expect(found(draft, 'title')).toBe('Bus Stops: New Shelters for the Winter');
  });

  it('still takes a site’s domain off after the colon that joins it to the headline', () => {
    const draft = page({
      title: 'New Shelters for the Winter: Schoolnews.com',
      head: og('New Shelters for the Winter: Schoolnews.com'),
    });
    expect(found(draft, 'title')).toBe('New Shelters for the Winter');
  });
});

describe('a kicker the titles join to the headline with a mark', () => {
  it('leaves out the opening words of a heading that the declared titles join with a colon', () => {
    const draft = page({
      title: 'The board and the budget',
      head: og('Longer school days: Board adds twenty minutes'),
      before: '<div class="breadcrumbs"><h1><span>The board and the budget</span></h1></div>',
      top: '<h2 itemprop="headline"><span class="keyword">Longer school days</span> Board adds twenty minutes</h2>',
    });
    expect(found(draft, 'title')).toBe('Board adds twenty minutes');
  });

  it('keeps the whole heading where the titles print it as it stands', () => {
    const draft = page({
      title: 'Longer school days Board adds twenty minutes',
      head: og('Longer school days Board adds twenty minutes'),
      top: '<h1><span class="keyword">Longer school days</span> Board adds twenty minutes</h1>',
    });
    expect(found(draft, 'title')).toBe('Longer school days Board adds twenty minutes');
  });
});

describe('a heading that prints its date on a line of its own', () => {
  it('takes the line that says a part of the <title>, not the side menu’s first <h1>', () => {
    const draft = page({
      title: 'School Board Notes - County News Story',
      before:
        '<div id="left-menu"><div class="blocks"><h1>Stories of Note</h1><ul><li><a href="/a">Budget set</a></li></ul></div><div class="blocks"><h1>Popular Threads</h1><ul><li><a href="/b">Bus routes</a></li></ul></div></div>',
      top: '<h2 class="posting">School Board Notes<span class="byline-break"><br></span><span class="postdate">[May 08, 2020, 10:59 am ET] – <a href="/comments">Post a Comment</a></span></h2>',
    });
    expect(found(draft, 'title')).toBe('School Board Notes');
    expect(found(draft, 'published')).toBe('2020-05-08');
  });
});

describe('a side panel that prints the story’s own title', () => {
  const panel = (title: string) =>
    `<div class="player"></div><aside class="l-col-fixed"><section class="info"><a class="title" href="/school-day">${title}</a><span class="author"><span>By Ana Reyes </span><time>on May 21, 2020</time></span></section></aside>`;

  it('takes the date beside the title in a video page’s side panel', () => {
    const draft = page({
      title: 'School Day Grows Longer - County TV',
      head: og('School Day Grows Longer', 'County TV'),
      before: panel('School Day Grows Longer'),
    });
    expect(found(draft, 'published')).toBe('2020-05-21');
  });

  it('still leaves out the date of a side column that prints another story', () => {
    const draft = page({
      title: 'School Day Grows Longer - County TV',
      head: og('School Day Grows Longer', 'County TV'),
      before: panel('Bus Routes Change in Spring'),
    });
    expect(found(draft, 'published')).toBeUndefined();
  });
});
