/**
 * The date rule learnt from a further tune set of pages of sites in no other
 * set (bench/import-eval/meta19): on a small page written for the test, with
 * what a teacher would see wrong in the draft's `published` without the rule.
 */
import { describe, expect, it } from 'vitest';
import { found, page } from '../helpers/import-page.js';

/** A comic's page: the post is named for its author and prints no date; the readers' comments follow. */
const COMMENTS =
  '<div id="comment-wrapper"><h3 id="comments">Discussion (1)</h3><ol class="commentlist"><li class="comment"><div class="comment-author vcard"><cite>Meelock</cite></div><div class="comment-meta-data"><span class="comment-time">May 8, 2020, 10:31 pm</span></div></li></ol></div>';

describe('the date beside the author', () => {
  it('does not take a reader’s comment below a post named for its author for the post’s date', () => {
    const draft = page({
      title: 'King of Swords 10-141',
      before: '<div id="content">',
      open: '<div class="post comic post-author-abbadon">',
      top: '<h2 class="post-title">King of Swords 10-141</h2><span class="post-author">by <a href="/author/abbadon/">Abbadon</a></span>',
      paragraphs: ['Successor'],
      after: `${COMMENTS}</div>`,
    });
    expect(found(draft, 'published')).toBeUndefined();
  });

  it('still takes the date the post prints beside its author, with the comments below it', () => {
    const draft = page({
      title: 'King of Swords 10-141',
      before: '<div id="content">',
      open: '<div class="post comic post-author-abbadon">',
      top: '<h2 class="post-title">King of Swords 10-141</h2><span class="post-author">by <a href="/author/abbadon/">Abbadon</a>, May 4, 2020</span>',
      paragraphs: ['Successor'],
      after: `${COMMENTS}</div>`,
    });
    expect(found(draft, 'published')).toBe('2020-05-04');
  });
});

describe('a date line in the article text', () => {
  // A page this short is read again with nothing left out, comments and all.
  it('does not take the time of a reader’s comment kept with a short post for its publication date', () => {
    const draft = page({
      title: 'The new bus timetable',
      top: '<h1>The new bus timetable</h1>',
      paragraphs: ['The timetable from next autumn.'],
      bottom: `<div class="comments"><h3>2 comments</h3><div class="comment"><p>The buses will have to run later too.</p><p>May 8, 2020</p></div></div>`,
    });
    expect(found(draft, 'published')).toBeUndefined();
  });

  it('does not take the day of a related story kept with a short post for its publication date', () => {
    const draft = page({
      title: 'The new bus timetable',
      top: '<h1>The new bus timetable</h1>',
      paragraphs: ['The timetable from next autumn.'],
      bottom:
        '<div class="related-stories"><h3>More from the board</h3><p><a href="/budget">Budget set for spring</a></p><p>March 3, 2020</p></div>',
    });
    expect(found(draft, 'published')).toBeUndefined();
  });
});
