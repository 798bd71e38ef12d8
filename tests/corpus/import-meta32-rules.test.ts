/**
 * The title and date rules learnt from the tune set of saved blog, magazine and institution pages
 * (bench/import-eval/meta32): each on a small page written for the test, with what a teacher would
 * see wrong in the draft's `title` or `published` without the rule.
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
