/**
 * The headline and date rules of the fifth round (issue 13), learnt from a
 * second tune set of pages of further sites (bench/import-eval/meta2): each
 * on a small page written for the test, with what a teacher would see wrong
 * in the draft's `title` or `published` without the rule.
 */
import { describe, expect, it } from 'vitest';
import { found, page, PROSE } from '../helpers/import-page.js';

const HEADLINE = 'Board votes to lengthen the school day by twenty minutes';
const ADDRESS = 'https://county.example.org/notes/2013/02/08/school-day/';

describe('the headline', () => {
  it('takes the heading that says the first part of the <title> over the site’s greeting in an <h1>', () => {
    // No og:title: the <title> joins the headline, a section and the author's name.
    const draft = page({
      title: `${HEADLINE} | Notes | Jane Doe`,
      before: '<header class="main-title"><h1>Hi, I’m Jane.</h1></header>',
      top: `<header><h2>${HEADLINE}</h2></header>`,
    });
    expect(found(draft, 'title')).toBe(HEADLINE);
  });

  it('takes the heading that says the last part of the <title>, not the blog’s name that links home', () => {
    const draft = page({
      title: `County Notes » Blog Archive » ${HEADLINE}`,
      head: `<link rel="canonical" href="${ADDRESS}">`,
      before: '<h1><a href="https://county.example.org/notes/">County Notes</a></h1>',
      top: `<h2>${HEADLINE}</h2>`,
    });
    expect(found(draft, 'title')).toBe(HEADLINE);
  });

  it('keeps a headline that links to the article itself', () => {
    const draft = page({
      title: `County Notes » Blog Archive » ${HEADLINE}`,
      head: `<link rel="canonical" href="${ADDRESS}">`,
      top: `<h1><a href="${ADDRESS}">${HEADLINE}</a></h1>`,
    });
    expect(found(draft, 'title')).toBe(HEADLINE);
  });

  it('reads an <h1> that only links to the site’s home page as its logo', () => {
    // No og:site_name names the site: the link home is all that says the <h1> is its logo.
    const draft = page({
      title: 'You Will Not Believe What the Board Just Did!',
      head: '<meta property="og:title" content="You Will Not Believe What the Board Just Did!">',
      before: '<header><h1><a href="/">The County Courier</a></h1></header>',
      open: '<article>',
      top: `<header><h2>${HEADLINE}</h2></header>`,
    });
    expect(found(draft, 'title')).toBe(HEADLINE);
  });
});

describe('the publication date', () => {
  it('reads a date element that also holds a share button’s script', () => {
    const script = `<script>(function () { var po = document.createElement('script'); po.async = true; po.src = 'https://apis.example.com/js/plusone.js'; ${'var s = 1; '.repeat(30)} })();</script>`;
    const draft = page({
      before: `<div class="post-header"><h1>${HEADLINE}</h1><div class="date">January 29th, 2013 in <a href="/category/news">News</a> ${script}</div></div>`,
    });
    expect(found(draft, 'published')).toBe('2013-01-29');
  });

  it('reads the dateline that opens the story’s first paragraph', () => {
    const draft = page({ paragraphs: [`Feb. 23, 2015 -- ${PROSE[0]}`, ...PROSE.slice(1)] });
    expect(found(draft, 'published')).toBe('2015-02-23');
    const placed = page({
      paragraphs: [`WASHINGTON, March 3, 2014 — ${PROSE[0]}`, ...PROSE.slice(1)],
    });
    expect(found(placed, 'published')).toBe('2014-03-03');
  });

  it('does not take a date in the story’s prose for its publication date', () => {
    const draft = page({
      paragraphs: [
        `The board first met on March 3, 2014 to discuss the change -- and ${PROSE[0]}`,
        ...PROSE.slice(1),
      ],
    });
    expect(found(draft, 'published')).toBeUndefined();
  });
});
