/**
 * The title and date rules learnt from the tune set of saved blog, magazine and institution pages
 * (bench/import-eval/meta32), and from copies of its pages with their declared titles or date tags
 * taken out (near misses: right only through one tag): each on a small page written for the test,
 * with what a teacher would see wrong in the draft's `title` or `published` without the rule.
 */
import { describe, expect, it } from 'vitest';
import { found, page, PROSE } from '../helpers/import-page.js';

const HEADLINE = 'Council puts off the vote on a longer school day';

describe('an <h1> that holds only the site’s logo, a linked picture', () => {
  it('takes the article’s own heading, not a <title> that is the site’s name', () => {
    const draft = page({
      title: 'valleypaper.example',
      before:
        '<header><h1><a href="https://valleypaper.example/"><img src="logo.svg" alt="valleypaper.example"></a></h1></header>',
      open: '<main>',
      top: `<div class="post-title"><p class="tag">#schools</p><h2>${HEADLINE}</h2></div>`,
    });
    expect(found(draft, 'title')).toBe(HEADLINE);
  });
});

describe('a short dotted date that closes the author’s line', () => {
  it('reads "von Anna Beispiel, 8.5.12" as the day the piece ran', () => {
    const draft = page({
      lang: 'de',
      top: `<h1>${HEADLINE}</h1><p class="more">von <a rel="author" href="/autoren/anna">Anna Beispiel</a>, 8.5.12 </p>`,
    });
    expect(found(draft, 'published')).toBe('2012-05-08');
  });
});

describe('a short dotted date alone in the article’s header', () => {
  it('reads "02.12.19" beside the headline as the day', () => {
    const draft = page({
      top: `<header class="content-header"><div class="flag">In the media</div><span>02.12.19</span><h1>${HEADLINE}</h1></header>`,
    });
    expect(found(draft, 'published')).toBe('2019-12-02');
  });
});

describe('a date in brackets opening the story’s first paragraph', () => {
  it('reads "(18.01.2018) …" as the day', () => {
    const draft = page({
      lang: 'de',
      top: `<h1>${HEADLINE}</h1>`,
      paragraphs: [`(18.01.2018) ${PROSE[0]}`, PROSE[1]!, PROSE[2]!],
    });
    expect(found(draft, 'published')).toBe('2018-01-18');
  });

  it('does not read a year in brackets that opens a sentence as the day', () => {
    const draft = page({
      top: `<h1>${HEADLINE}</h1>`,
      paragraphs: [`(2017) ${PROSE[0]}`, PROSE[1]!, PROSE[2]!],
    });
    expect(found(draft, 'published')).toBeUndefined();
  });
});

describe('an opinion piece whose header the site names for a comment', () => {
  const header = (date: string) =>
    `<div class="PageArticle_commentHeader"><article class="ArticleHeaderComment"><div class="ArticleHeaderComment_subject"><h1 class="ArticleHeaderComment_headline">${HEADLINE}</h1></div><div class="PublishDate ArticleHeaderComment_publishDate"><span class="PublishDate_day">Tuesday,</span> <span class="PublishDate_date">${date}</span></div></article></div>`;

  it('reads the date in that header as the story’s', () => {
    const draft = page({ top: header('29 January 2019') });
    expect(found(draft, 'published')).toBe('2019-01-29');
  });

  it('takes the heading in that header, kicker apart, as the headline', () => {
    const draft = page({
      title: `School reform: ${HEADLINE}`,
      head: `<meta property="og:title" content="School reform: ${HEADLINE}">`,
      top: `<article class="ArticleHeaderComment"><div class="ArticleHeaderComment_subject"><div class="Tagline">School reform</div><h1 class="ArticleHeaderComment_headline">${HEADLINE}</h1></div></article>`,
    });
    expect(found(draft, 'title')).toBe(HEADLINE);
  });

  it('still leaves the date of a reader’s comment under a comments heading', () => {
    const draft = page({
      top: `<h2>${HEADLINE}</h2>`,
      after:
        '<section class="comments"><h1>2 Comments</h1><ol><li><div class="comment-date">March 3, 2021</div><p>I agree with the board.</p></li></ol></section>',
    });
    expect(found(draft, 'published')).toBeUndefined();
  });
});

describe('counts set as <h1>s around the headline (near miss)', () => {
  it('takes the heading with words, not a vote count', () => {
    const draft = page({
      title: '',
      top: `<div class="votes"><h1>Ω 142</h1></div><h1>${HEADLINE}</h1><div class="votes"><h1>690</h1></div>`,
    });
    expect(found(draft, 'title')).toBe(HEADLINE);
  });
});

describe('a bold first line and a plain line under it in one <h1> (near miss)', () => {
  it('takes the bold line as the headline when no title names it', () => {
    const draft = page({
      title: 'Valley Council',
      top: '<h1><strong>A longer school day for the valley.</strong><br> The board visits three schools.</h1>',
    });
    expect(found(draft, 'title')).toBe('A longer school day for the valley.');
  });

  it('keeps both lines where neither is set in bold', () => {
    const draft = page({
      title: 'Valley Council',
      top: '<h1>A longer school day for the valley.<br> The board visits three schools.</h1>',
    });
    expect(found(draft, 'title')).toBe(
      'A longer school day for the valley. The board visits three schools.',
    );
  });
});

describe('a <title> part that runs the site and the section before the headline (near miss)', () => {
  it('takes the heading the part ends with after a colon', () => {
    const draft = page({
      title: `Valley Weekly | Valley Weekly Online – valley.example: Schools:${HEADLINE} | Issue 4/2019`,
      top: `<div class="section">Schools</div><h2>${HEADLINE}</h2>`,
    });
    expect(found(draft, 'title')).toBe(HEADLINE);
  });
});

describe('a date in English on a page in another language (near miss)', () => {
  it('reads "Sa  13 Jul 2019" in a <time> without a datetime on a German page', () => {
    const draft = page({
      lang: 'de',
      top: `<h1>${HEADLINE}</h1><p class="byline">Anna Beispiel<br><time class="entry-date">Sa  13 Jul 2019</time></p>`,
    });
    expect(found(draft, 'published')).toBe('2019-07-13');
  });

  it('still does not read a date in figures month first on a German page', () => {
    const draft = page({
      lang: 'de',
      top: `<h1>${HEADLINE}</h1><p class="byline">Anna Beispiel<br><time class="entry-date">10/12/2015</time></p>`,
    });
    expect(found(draft, 'published')).not.toBe('2015-10-12');
  });
});
