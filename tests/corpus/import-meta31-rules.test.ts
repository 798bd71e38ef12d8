/**
 * The rules learnt from a tune set of pages saved by a read-it-later app's test suite
 * (bench/import-eval/meta31): on small pages written for the tests, with what a teacher would see
 * wrong in the draft's `published` or `title` without each rule.
 */
import { describe, expect, it } from 'vitest';
import { found, page } from '../helpers/import-page.js';

const STUDY = [
  'Pupils in forty primary schools were given twenty extra minutes of reading every day for a whole school year, and their reading was tested in September and again in June.',
  'The pupils who read for longer gained about two months of progress over those in schools that kept the old timetable, and the gain was largest among the weakest readers.',
  'Teachers said the extra minutes worked best when pupils chose their own books, and least well when the time was spent reading aloud to the whole class.',
];

describe('a date the site’s header prints as today’s', () => {
  it('is passed over for the date printed with the story', () => {
    const draft = page({
      title: 'School day to grow longer',
      before:
        '<header class="site-header"><a href="/">County News</a><span class="today-date">March 3, 2024</span></header>',
      top: '<div class="post-date">Feb 12, 2024</div><h1>School day to grow longer</h1>',
    });
    expect(found(draft, 'published')).toBe('2024-02-12');
  });

  it('still dates the story by an element named for its date alone', () => {
    const draft = page({
      title: 'School day to grow longer',
      top: '<h1>School day to grow longer</h1><span class="story-date">Feb 12, 2024</span>',
    });
    expect(found(draft, 'published')).toBe('2024-02-12');
  });
});

describe('a citation date on the first of a month, where the page prints only the month', () => {
  const head =
    '<meta name="citation_title" content="Twenty more minutes of reading"><meta name="citation_publication_date" content="2019/03/01">';

  it('dates the article to the month of the journal issue', () => {
    const draft = page({
      title: 'Twenty more minutes of reading',
      head,
      top: '<div class="journal"><h2>Journal of School Studies</h2><div class="issue"><a href="/issue/12/3">Volume 12, Issue 3</a>, March 2019, Pages 40-52</div></div><h1>Twenty more minutes of reading</h1>',
      paragraphs: STUDY,
    });
    expect(found(draft, 'published')).toBe('2019-03');
  });

  it('keeps the day where the page prints that day too', () => {
    const draft = page({
      title: 'Twenty more minutes of reading',
      head,
      top: '<div class="issue">Volume 12, Issue 3, March 2019</div><h1>Twenty more minutes of reading</h1><div class="history">Published online 1 March 2019</div>',
      paragraphs: STUDY,
    });
    expect(found(draft, 'published')).toBe('2019-03-01');
  });

  it('keeps the day where the month is only a link in a list of months', () => {
    const draft = page({
      title: 'Twenty more minutes of reading',
      head,
      top: '<h1>Twenty more minutes of reading</h1>',
      after:
        '<div class="archive"><ul><li><a href="/2019/03/">March 2019</a></li><li><a href="/2019/02/">February 2019</a></li></ul></div>',
      paragraphs: STUDY,
    });
    expect(found(draft, 'published')).toBe('2019-03-01');
  });
});

describe('a heading that sets the article’s type beside the part its class calls the title', () => {
  it('takes the title part where no declared title names the headline', () => {
    const draft = page({
      title: '',
      top: '<h1 class="article-head"><span>Research Paper</span><span class="title-text">Twenty more minutes of reading in primary schools</span></h1>',
      paragraphs: STUDY,
    });
    expect(found(draft, 'title')).toBe('Twenty more minutes of reading in primary schools');
  });

  it('keeps a heading whose title part is the whole heading', () => {
    const draft = page({
      title: '',
      top: '<h1><span class="title">Twenty more minutes of reading in primary schools</span></h1>',
      paragraphs: STUDY,
    });
    expect(found(draft, 'title')).toBe('Twenty more minutes of reading in primary schools');
  });
});
