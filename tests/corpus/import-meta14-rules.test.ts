/**
 * The headline and date rules learnt from a further tune set of pages of
 * sites in no other set (bench/import-eval/meta14): each on a small page
 * written for the test, with what a teacher would see wrong in the draft's
 * `title` or `published` without the rule.
 */
import { describe, expect, it } from 'vitest';
import { found, page } from '../helpers/import-page.js';

const HEADLINE = 'Board adds twenty minutes to the school day';

describe('the headline', () => {
  it('leaves out the kicker a heading sets apart, where the titles and a sticky bar join it to the headline', () => {
    const draft = page({
      title: `Schools: ${HEADLINE}`,
      head: `<meta property="og:title" content="Schools: ${HEADLINE}">`,
      before: `<div class="c-nav"><h1 title="Schools: ${HEADLINE}">Schools: ${HEADLINE}</h1></div>`,
      top: `<h2 class="c-headline"><span class="c-overline">Schools</span> ${HEADLINE}</h2>`,
    });
    expect(found(draft, 'title')).toBe(HEADLINE);
  });

  it('keeps a colon that is part of the headline where no kicker is set apart', () => {
    const draft = page({
      title: 'Ana Reyes: Why the school day should grow',
      head: '<meta property="og:title" content="Ana Reyes: Why the school day should grow">',
      top: '<h1>Ana Reyes: Why the school day should grow</h1>',
    });
    expect(found(draft, 'title')).toBe('Ana Reyes: Why the school day should grow');
  });

  it('does not take the site’s name and tagline, given as every page’s title, for the headline', () => {
    const branding = 'THE VALLEY COURIERNews for the valley';
    const draft = page({
      title: branding,
      head: `<meta property="og:title" content="${branding}"><meta property="og:site_name" content="THE VALLEY COURIER">`,
      before:
        '<header><p class="site-title"><a href="/">THE VALLEY COURIER</a></p><p class="site-description">News for the valley</p></header>',
      top: `<h1 class="entry-title">${HEADLINE}</h1>`,
    });
    expect(found(draft, 'title')).toBe(HEADLINE);
  });

  it('takes the heading after the blog’s name in a "Blog: Post" <title>, the blog named by the heading that links home', () => {
    const draft = page({
      title: `Valley Notes: ${HEADLINE}`,
      before:
        '<div class="header"><h1 class="title"><a href="http://valleynotes.example.org/">Valley Notes</a></h1></div><h2 class="date-header"><span>Thursday, October 27, 2011</span></h2>',
      top: `<h3 class="post-title entry-title">${HEADLINE}</h3>`,
    });
    expect(found(draft, 'title')).toBe(HEADLINE);
  });

  it('takes the bold paragraph above the story for the headline of a page with no heading and a file name for a <title>', () => {
    const draft = page({
      title: 'EX-99.1',
      top: '<p align="right"><b>Exhibit 99.1 </b></p><p align="center"><b>COUNTY BOARD ANNOUNCES A LONGER SCHOOL DAY FROM NEXT AUTUMN </b></p><p align="center"><i>Twenty minutes more of reading in the early grades </i></p>',
    });
    expect(found(draft, 'title')).toBe(
      'COUNTY BOARD ANNOUNCES A LONGER SCHOOL DAY FROM NEXT AUTUMN',
    );
  });

  it('keeps a <title> of words over a bold paragraph', () => {
    const draft = page({
      title: 'Board extends the school day',
      top: '<p><b>COUNTY BOARD ANNOUNCES A LONGER SCHOOL DAY FROM NEXT AUTUMN</b></p>',
    });
    expect(found(draft, 'title')).toBe('Board extends the school day');
  });
});

describe('the publication date', () => {
  it('reads a date written with an Armenian month name', () => {
    const draft = page({
      lang: 'hy',
      top: `<h1>${HEADLINE}</h1><div class="article_date">18 հունվարի 2018 - 15:01 AMT</div>`,
    });
    expect(found(draft, 'published')).toBe('2018-01-18');
  });

  it('reads the short American date that ends a byline, with no clock time beside it', () => {
    const draft = page({
      top: `<h1>${HEADLINE}</h1><div class="field field-field-byline"><div class="field-item">CHQ Staff | 10/17/18</div></div>`,
    });
    expect(found(draft, 'published')).toBe('2018-10-17');
  });

  it('does not read a score inside a byline’s sentence for a date', () => {
    const draft = page({
      top: `<h1>${HEADLINE}</h1><div class="byline">By Ana Reyes, who scored 3/4/10 in the quiz, reporting</div>`,
    });
    expect(found(draft, 'published')).toBeUndefined();
  });

  it('reads the dateline under a headline and two decks set as bold and italic paragraphs', () => {
    const draft = page({
      title: 'EX-99.1',
      top:
        '<p><b>COUNTY BOARD ANNOUNCES A LONGER SCHOOL DAY FROM NEXT AUTUMN AFTER A YEAR OF HEARINGS</b></p>' +
        '<p><i>Twenty minutes more of reading in the early grades and of mathematics in the middle schools</i></p>' +
        '<p><i>Parents and teachers invited to a public meeting on the change, to be held today at 7 PM EDT</i></p>' +
        '<p>SPRINGFIELD, July&nbsp;2, 2014 &#151; The county school board today announced that the school day will grow by twenty minutes from next autumn.</p>',
    });
    expect(found(draft, 'published')).toBe('2014-07-02');
  });
});
