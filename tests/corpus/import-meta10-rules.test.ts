/**
 * The headline and date rules learnt from the tenth tune set
 * (bench/import-eval/meta10, pages of sites the Mercury Parser repository
 * gained fixtures of): each on a small page written for the test, with what
 * a teacher would see wrong in the draft's `title` or `published` without
 * the rule.
 */
import { describe, expect, it } from 'vitest';
import { found, page } from '../helpers/import-page.js';

describe('the headline', () => {
  it('is the one <h1> when every title tag gives only the topic it says', () => {
    // A board's standing page: its tags name it for the site's index, its heading is a sentence.
    const draft = page({
      title: 'Transport - County School Board',
      head: '<meta property="og:title" content="Transport"><meta name="twitter:title" content="Transport">',
      top: '<h1>We bring every pupil safely to school: transport</h1>',
    });
    expect(found(draft, 'title')).toBe('We bring every pupil safely to school: transport');
  });

  it('keeps a declared topic that the one <h1> does not say', () => {
    // The <h1> is another part of the site; the page's own name is the tag's.
    const draft = page({
      title: 'Transport - County School Board',
      head: '<meta property="og:title" content="Transport">',
      top: '<h1>Board meetings this spring</h1>',
    });
    expect(found(draft, 'title')).toBe('Transport');
  });

  it('keeps a declared headline of three words or more over a longer <h1> that holds them', () => {
    // Not a topic: a headline, which the <h1> only repeats inside a sentence of its own.
    const draft = page({
      title: 'Board extends day',
      head: '<meta property="og:title" content="Board extends day">',
      top: '<h1>Live: parents react as the board extends the day by twenty minutes from autumn</h1>',
    });
    expect(found(draft, 'title')).toBe('Board extends day');
  });
});

describe('the publication date', () => {
  it('reads the date in the line named for the author, under a headline that is no heading', () => {
    // No date tag, no <time>, no heading element: "Written by … on 1 June 2019 at 08:34 PM EDT."
    const draft = page({
      title: 'School day to grow longer - County News',
      open: '<article class="full">',
      top:
        '<header>School day to grow longer</header>' +
        '<div class="author">Written by <a href="/staff/ana-reyes">Ana Reyes</a> in <a href="/topics/schools">Schools</a> on 1 June 2019 at 08:34 PM EDT. <a href="/forums/1">Add A Comment</a></div>',
    });
    expect(found(draft, 'published')).toBe('2019-06-01');
  });

  it('does not take a date from an author’s biography box', () => {
    // A box named for the author that is a paragraph about them, not a byline: too long to be a line.
    const draft = page({
      bottom:
        '<div class="about-author"><p>Ana Reyes has covered the county schools since 12 March 2004, first for the weekly paper and then for this site, and writes the newsletter on the board’s budget every month.</p></div>',
    });
    expect(found(draft, 'published')).toBeUndefined();
  });

  it('reads the date line in the box after the headline’s, as a webcomic’s page sets it', () => {
    // The headline, the picture and its navigation in one box; "8th May 2020 …" opens the next.
    const draft = page({
      before:
        '<div id="cp1" class="box"><div class="leftal"><h2 class="comictitle">School day to grow longer</h2></div>' +
        '<div class="merged"><img src="board.jpg" alt="The board"></div></div>' +
        '<div id="cp2" class="box"><div id="boxinfo">8th May 2020, 6:08 PM in Board news</div></div>',
    });
    expect(found(draft, 'published')).toBe('2020-05-08');
  });

  it('does not read a date from a sidebar that follows the headline’s box', () => {
    const draft = page({
      top:
        '<div class="box"><h2>School day to grow longer</h2><div class="merged"><img src="board.jpg" alt=""></div></div>' +
        '<aside><div>3 May 2020 Bus routes change for the summer</div></aside>',
    });
    expect(found(draft, 'published')).toBeUndefined();
  });
});
