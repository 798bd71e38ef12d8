/**
 * The title and date rules learnt from a tune set of saved article pages of blogs, newsletters and news
 * sites (bench/import-eval/meta30): each on a small page written for the test, with what a teacher
 * would see wrong in the draft without the rule.
 */
import { describe, expect, it } from 'vitest';
import { found, page } from '../helpers/import-page.js';

const NEWSLETTER = [
  'Good morning. The town library reopened on Saturday after eighteen months of repairs to its roof, and about four hundred people queued in the rain to be the first back in.',
  'The reading room now has twice as many seats, a corner for homework help after school, and a shelf of books in the six languages most spoken in the town’s homes.',
  'The librarians asked visitors to return anything borrowed before the closure: more than two hundred books are still out, some of them since the spring of last year.',
];

describe('a date a script rewrote into the time zone of the computer that saved the page', () => {
  it("reads the <time>'s datetime, not its words in the saver's time zone", () => {
    const draft = page({
      title: 'The library is open again',
      top: '<h1>The library is open again</h1><p class="byline">By Dana Whitfield • <span><time datetime="2021-03-04T17:10:00Z" data-local="time" data-format="%B %e, %Y" title="March 5, 2021 at 1:10am" data-localized="">March 5, 2021</time></span></p>',
      paragraphs: NEWSLETTER,
    });
    expect(found(draft, 'published')).toBe('2021-03-04');
  });

  it('keeps the day printed by the publisher beside a UTC datetime a day later', () => {
    const draft = page({
      title: 'The library is open again',
      top: '<h1>The library is open again</h1><p class="byline">By Dana Whitfield • <span><time datetime="2021-03-05T01:10:00Z">March 4, 2021</time></span></p>',
      paragraphs: NEWSLETTER,
    });
    expect(found(draft, 'published')).toBe('2021-03-04');
  });
});

describe("a date in the element a site names for today's date", () => {
  it("is the day the page was opened: the date in the story's byline dates it", () => {
    const draft = page({
      title: 'Harbour ferry fares to rise in May',
      before:
        '<header class="site-header"><div class="util-bar"><div class="item today-info"><span class="txt-date">2021.03.15</span> Monday</div><a href="/subscribe">Subscribe</a></div></header>',
      top: '<h1>Harbour ferry fares to rise in May</h1><div class="byline-area"><strong>Min Park</strong><div class="date-info"><span class="date-published">Posted 2021.03.09 17:11</span></div></div>',
    });
    expect(found(draft, 'published')).toBe('2021-03-09');
  });
});

describe('a heading that says a part of the <title> with other punctuation', () => {
  it('is the headline, where the <title> drops its quotation marks and commas', () => {
    const draft = page({
      title: 'Fares must rise or the ferry stops says harbour board | Coast Courier',
      before:
        '<header><h1 class="logo-section"><a href="/"><span class="blind">Coast Courier</span></a> <a href="/local">Local</a></h1></header>',
      top: '<h1 class="title">"Fares must rise, or the ferry stops," says harbour board</h1>',
    });
    expect(found(draft, 'title')).toBe('"Fares must rise, or the ferry stops," says harbour board');
  });
});
