/**
 * The extractor's general rules of the third round (issue 13): each on a
 * small page of its own, written for the test, with what a teacher importing
 * such a page would see wrong in the draft without the rule.
 */
import { describe, expect, it } from 'vitest';
import { furniture, looksLikeProse, wordCount } from '../../src/corpus/import/furniture.js';
import { draftArticle } from '../../src/corpus/import/draft-article.js';
import { urlDate } from '../../src/corpus/import/address-and-title-date.js';
import { numericDate } from '../../src/corpus/import/short-dates.js';
import { found, page, PROSE, reasonFor } from '../helpers/import-page.js';

describe('class names around the whole article', () => {
  it('keeps an article wrapped in an element whose class sounds like an advert', () => {
    // The frame of a full-page advert: the article sits in it, one wrapper inside another.
    const draft = page({
      before: '<div class="ad-wallpaper"><div class="main"><div class="post">',
      open: '<div class="entry">',
      after: '</div></div></div>',
    });
    expect(draft.paragraphs).toEqual(PROSE);
  });

  it('still removes an advert box inside the article', () => {
    const draft = page({
      open: '<div class="story has-sidebar-ad">',
      bottom:
        '<div class="ad-box"><span class="label">From our sponsor</span><p>Save twenty percent on school supplies this week only at Main Street Stationers, open late.</p></div>',
    });
    expect(draft.paragraphs).toEqual(PROSE);
    expect(
      reasonFor(
        draft,
        'Save twenty percent on school supplies this week only at Main Street Stationers, open late.',
      ),
    ).toBe('advertisement');
  });

  it('still removes a comment thread longer than the article', () => {
    const comment =
      'I have taught for twenty years and I can tell you that twenty more minutes will not fix reading scores by itself.';
    const draft = page({
      bottom: `<div class="comments"><h3>Comments</h3>${Array.from({ length: 6 }, () => `<p>${comment}</p>`).join('')}</div>`,
    });
    expect(draft.paragraphs).toEqual(PROSE);
  });
});

describe('the top of the page', () => {
  it('removes a hidden sign-up dialog and the headline after it', () => {
    const draft = page({
      top: '<div id="follow" class="display-none"><p>Choose the topics you follow and we will keep the stories for you to read later.</p><form><label>Topics</label><input name="t"></form></div><h1>School day to grow longer</h1>',
    });
    expect(draft.paragraphs).toEqual(PROSE);
    expect(
      reasonFor(
        draft,
        'Choose the topics you follow and we will keep the stories for you to read later.',
      ),
    ).toMatch(/hidden/);
    expect(reasonFor(draft, 'School day to grow longer')).toBe('headline (the title)');
  });

  it('keeps an element whose class only hides its overflow', () => {
    const draft = page({ open: '<div class="story overflow-hidden">' });
    expect(draft.paragraphs).toEqual(PROSE);
  });
});

describe('the standfirst', () => {
  it('removes the summary the page marks as one, also with the class run into another word', () => {
    const summary =
      'Twenty more minutes a day: what the board decided, and what it means for families. For more on the budget, see our guide.';
    for (const cls of ['articleabstract', 'article-standfirst', 'dek', 'chapo'])
      expect(reasonFor(page({ top: `<p class="${cls}">${summary}</p>` }), summary)).toBe(
        'standfirst (the summary under the headline)',
      );
    // A lead paragraph is the article's own first paragraph.
    const lead = page({ paragraphs: [PROSE[0]!], top: `<p class="lede">${PROSE[1]}</p>` });
    expect(lead.paragraphs).toEqual([PROSE[1], PROSE[0]]);
  });
});

describe('lines addressed to the reader', () => {
  it('removes a "More from …:" pointer inside the article', () => {
    expect(
      furniture('More from Valley Courier Education: Get more stories on school budgets')?.reason,
    ).toBe('"Read more" link to another article');
    expect(
      furniture('More from the minister came later in the day, after the vote.'),
    ).toBeUndefined();
  });

  it('removes a sign-up prompt, not a sentence that reports on alerts', () => {
    expect(furniture('Get Valley Courier news and alerts FREE to your inbox...')?.reason).toBe(
      'subscription or promotion line',
    );
    expect(furniture('Sign up for our morning briefing.')?.action).toBe('remove');
    expect(
      furniture('The district sent email alerts to parents on Monday night about the closures.'),
    ).toBeUndefined();
  });

  it('removes a line that sends the reader to an address it writes out', () => {
    expect(
      furniture('To read earlier columns, go here: https://news.example.com/tag/schools/'),
    ).toEqual({ action: 'remove', reason: 'link to another page (its address written out)' });
    expect(furniture('Read or share this story: https://exm.pl/3xYz')?.action).toBe('remove');
    // An address inside a sentence of the story is reporting.
    expect(
      furniture(
        'The board posted the new timetable at https://schools.example.org/timetable on Monday.',
      ),
    ).toBeUndefined();
  });

  it('removes how to listen to a podcast episode, and keeps what the episode is about', () => {
    const draft = page({
      paragraphs: [
        'Listen to episode 12 of our education podcast, in which two teachers debate the longer school day and what the extra minutes should be spent on.',
        'The MP3 version of this episode plays on any device that can play digital audio.',
        'You can also subscribe to the podcast on Spotify or through our RSS feed in any other podcast app.',
      ],
    });
    expect(draft.paragraphs).toEqual([
      'Listen to episode 12 of our education podcast, in which two teachers debate the longer school day and what the extra minutes should be spent on.',
    ]);
    expect(
      reasonFor(
        draft,
        'The MP3 version of this episode plays on any device that can play digital audio.',
      ),
    ).toBe('how to listen or subscribe (players and audio formats)');
    // Reporting about a podcast company is not an instruction to the reader.
    expect(
      furniture(
        'Spotify said on Tuesday that its podcast business had grown by a third this year.',
      ),
    ).toBeUndefined();
  });
});

describe('Chinese and Japanese text', () => {
  const ZH = [
    '县教育委员会星期二投票决定，从明年秋季起将每天的上课时间延长二十分钟。',
    '委员们表示，增加的时间将用于低年级的阅读课和初中的数学课。',
    '教师工会说，将要求按正常工资标准支付额外的工作时间。',
  ];

  it('counts each character as a word and knows the full stop 。', () => {
    expect(wordCount('委员们表示')).toBe(5);
    expect(wordCount('Ima, Soko ni Iru Boku – 今そこ')).toBe(8);
    expect(looksLikeProse(ZH[1]!)).toBe(true);
    expect(looksLikeProse('相关新闻')).toBe(false);
  });

  it('keeps the first paragraphs of a Chinese story and takes its headline', () => {
    const draft = page({
      lang: 'zh-CN',
      title: '学校将延长上课时间 - 谷地新闻网 - 教育',
      top: '<h1>学校将延长上课时间</h1>',
      paragraphs: ZH,
    });
    expect(draft.paragraphs).toEqual(ZH);
    expect(found(draft, 'title')).toBe('学校将延长上课时间');
  });
});

describe('a box of facts above the lead', () => {
  it('does not start the article at a long table row', () => {
    const draft = page({
      top: '<table class="facts"><tr><th>School district</th></tr><tr><td>Valley County Schools (Valley County Public School District)</td></tr><tr><td>Pupils</td><td>12,400 in 31 schools across the county, as of the autumn census.</td></tr></table>',
    });
    expect(draft.paragraphs).toEqual(PROSE);
  });
});

describe('character encoding', () => {
  const text =
    'La operación policial, en la que participó un equipo de élite, terminó sin heridos según el ministerio.';
  const saved = (charset: string, bytes: (html: string) => Buffer) =>
    draftArticle({
      bytes: bytes(
        `<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>Detenida</title></head><body><article><h1>Detenida en Francia</h1>${`<p>${text}</p>`.repeat(3)}</article></body></html>`,
      ),
      kind: 'html',
      name: 'es.html',
      file: '/tmp/es.html',
    });

  it('reads UTF-8 bytes as UTF-8 under a single-byte declaration (a page re-encoded when saved)', () => {
    const draft = saved('iso-8859-15', (html) => Buffer.from(html, 'utf8'));
    expect(draft.paragraphs[0]).toBe(text);
    expect(draft.encoding.name).toBe('utf-8');
    expect(draft.encoding.from).toMatch(/says iso-8859-15, but the bytes are UTF-8/);
  });

  it('still follows the declaration when the bytes are the encoding it names', () => {
    const draft = saved('iso-8859-15', (html) => Buffer.from(html, 'latin1'));
    expect(draft.paragraphs[0]).toBe(text);
    expect(draft.encoding.name).toBe('iso-8859-15');
  });
});

describe('dates', () => {
  it('does not take a highlight that mentions a date for the date line', () => {
    const draft = page({
      head: '<link rel="canonical" href="https://news.example.com/2010/EDUCATION/08/13/school.day/index.html">',
      top: '<ul class="highlights"><li>The first county school opened its doors on September 4, 1911</li></ul>',
    });
    expect(found(draft, 'published')).toBe('2010-08-13');
    expect(draft.paragraphs).toEqual(PROSE);
  });

  it("reads a date split by the section's name in the address, only with month and day", () => {
    expect(urlDate('https://news.example.com/2010/POLITICS/08/13/story/index.html')?.value).toBe(
      '2010-08-13',
    );
    expect(urlDate('https://news.example.com/2010/world/08/story.html')).toBeUndefined();
  });

  it('takes the publication time over an update shown before it', () => {
    const draft = page({
      lang: 'fr',
      before:
        '<ul class="dates"><li class="date-maj">Mis à jour <time itemprop="dateModified" datetime="2013-04-06T10:37:32+02:00">le 06/04/2013 à 10:37</time></li><li class="date-pub">Publié <time itemprop="datePublished" datetime="2013-04-05T17:08:23+02:00">le 05/04/2013 à 17:08</time></li></ul>',
    });
    expect(found(draft, 'published')).toBe('2013-04-05');
    // Without a marked publication time, the one not labelled as an update.
    const plain = page({
      before:
        '<p class="updated">Updated <time datetime="2013-04-06">April 6, 2013</time></p><p>Posted <time datetime="2013-04-05">April 5, 2013</time></p>',
    });
    expect(found(plain, 'published')).toBe('2013-04-05');
  });

  it('takes the date the article shows with pubdate over a mailing-list date tag', () => {
    const draft = page({
      head: '<meta name="sailthru.date" content="2014-06-30">',
      before:
        '<time class="updated" datetime="2014-06-29 20:08:00-0400" pubdate>June 29, 2014 08:08 pm</time>',
    });
    expect(found(draft, 'published')).toBe('2014-06-29');
    expect(
      found(page({ head: '<meta name="sailthru.date" content="2014-06-30">' }), 'published'),
    ).toBe('2014-06-30');
  });

  it('reads the date beside the writer in a post whose class says it has comments', () => {
    const draft = page({
      open: '<article class="post commented">',
      top: '<div class="meta"><span class="publish-time">8/17/13 11:04am</span></div>',
    });
    expect(found(draft, 'published')).toBe('2013-08-17');
    expect(numericDate('8/17/13 11:04am')?.date).toBe('2013-08-17');
    // The date of a comment is not the article's.
    const comment = page({
      after: '<div class="comments"><span class="comment-time">9/2/13 8:15pm</span></div>',
    });
    expect(found(comment, 'published')).toBeUndefined();
  });
});

describe('the end of the article', () => {
  it("keeps a review's sections inside the same <article>, not its disclosure", () => {
    const verdict =
      'A longer school day is the kind of change parents will argue about for years, and the board knows it.';
    const draft = page({
      open: '<article class="review">',
      paragraphs: [],
      top: `<div class="snippet"><p>${PROSE[0]}</p><p>${PROSE[1]}</p></div><div class="snippet"><p>${PROSE[2]}</p></div>`,
      bottom: `<section class="wrapup"><h4>Wrap Up:</h4><p>${verdict}</p><p>The Valley Reader was reviewed using a copy provided by its publisher.</p></section>`,
    });
    expect(draft.paragraphs).toEqual([...PROSE, 'Wrap Up:', verdict]);
    expect(
      reasonFor(draft, 'The Valley Reader was reviewed using a copy provided by its publisher.'),
    ).toBe('review disclosure (how the reviewer got the product)');
  });
});
