/**
 * The date rules learnt from the thirteenth tune set (bench/import-eval/meta13: 2014-2015 American
 * news, magazine and blog pages): each on a small page written for the test, with what a teacher would
 * see wrong in the draft's `published` without it.
 */
import { describe, expect, it } from 'vitest';
import { found, page } from '../helpers/import-page.js';

describe('the publication date written in UTC', () => {
  it('gives way to the day printed beside the story when a generic date tag is in UTC', () => {
    // An analytics tag written at midnight UTC, a day off the day the page prints for its readers.
    const draft = page({
      head: `<meta name="parsely-page" content='{"title":"School day to grow longer","pub_date":"2016-12-20T00:00:00Z"}'>`,
      top: '<h1>School day to grow longer</h1><div class="display-date">Monday, December 19, 2016</div>',
    });
    expect(found(draft, 'published')).toBe('2016-12-19');
  });

  it('reads a UTC time written with a space and the zone as a word', () => {
    // "2016-12-20 03:10:00 UTC" is an evening in New York, the day before in UTC.
    const draft = page({
      head: '<meta property="article:published_time" content="2016-12-20 03:10:00 UTC">',
      top: '<h1>School day to grow longer</h1>',
      bottom:
        '<div class="author-timestamp"><time class="timestamp">December 19, 2016 at 10:10PM EST</time> by Ana Reyes</div>',
    });
    expect(found(draft, 'published')).toBe('2016-12-19');
  });

  it('keeps a generic date tag that carries its own zone', () => {
    // "-05:00" is the outlet's own clock: its day is the day it published, whatever a line says.
    const draft = page({
      head: '<meta name="sailthru.date" content="2016-12-20T09:10:00-05:00">',
      top: '<h1>School day to grow longer</h1><div class="display-date">Monday, December 19, 2016</div>',
    });
    expect(found(draft, 'published')).toBe('2016-12-20');
  });

  it('keeps a UTC date tag when the page prints no day beside it', () => {
    const draft = page({
      head: '<meta property="article:published_time" content="2016-12-20 03:10:00 UTC">',
      top: '<h1>School day to grow longer</h1>',
    });
    expect(found(draft, 'published')).toBe('2016-12-20');
  });
});

describe('the publication date in ISO 8601’s basic format', () => {
  const address =
    '<link rel="canonical" href="https://courier.example.org/news/2014-12/school-day">';

  it('reads a microdata date with the day run together and the clock after a space', () => {
    const draft = page({
      head: `<meta itemprop="datePublished" content="20141229 18:22:00">${address}`,
      top: '<h1>School day to grow longer</h1>',
    });
    // Not only the month the page's address names.
    expect(found(draft, 'published')).toBe('2014-12-29');
  });

  it('still takes no bare number for a date', () => {
    const draft = page({
      head: `<meta itemprop="datePublished" content="20141229">${address}`,
      top: '<h1>School day to grow longer</h1>',
    });
    expect(found(draft, 'published')).toBe('2014-12');
  });
});

describe('the date a page prints beside its own mark', () => {
  it('takes the day a <time> prints over its datetime in UTC, a day apart', () => {
    const draft = page({
      top: '<h1>School day to grow longer</h1><p class="byline">By Ana Reyes <time itemprop="datePublished" datetime="2016-12-20T03:10:00Z">December 19, 2016 at 10:10PM EST</time></p>',
    });
    expect(found(draft, 'published')).toBe('2016-12-19');
  });

  it('keeps the datetime when the <time> prints no year', () => {
    const draft = page({
      top: '<h1>School day to grow longer</h1><p class="byline">By Ana Reyes <time itemprop="datePublished" datetime="2016-12-20T03:10:00Z">December 19 10:10 PM</time></p>',
    });
    expect(found(draft, 'published')).toBe('2016-12-20');
  });

  it('reads a dotted date month first only where the day-first reading is impossible', () => {
    const american = page({
      top: '<div class="publish-date-time"><span class="date">12.16.14</span></div><h1>School day to grow longer</h1>',
    });
    expect(found(american, 'published')).toBe('2014-12-16');
    const either = page({
      top: '<div class="publish-date-time"><span class="date">06.12.14</span></div><h1>School day to grow longer</h1>',
    });
    expect(found(either, 'published')).toBe('2014-12-06');
  });
});
