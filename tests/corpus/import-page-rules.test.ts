/**
 * The extractor's rules for furniture and metadata that real saved pages
 * showed, each on a small page of its own: what a teacher importing such a
 * page would see wrong in the draft without the rule.
 */
import { describe, expect, it } from 'vitest';
import { dateInText } from '../../src/corpus/import/dates.js';
import { numericDate } from '../../src/corpus/import/short-dates.js';
import { furniture } from '../../src/corpus/import/furniture.js';
import { urlDate } from '../../src/corpus/import/address-and-title-date.js';
import { found, page, PROSE, reasonFor } from '../helpers/import-page.js';

describe('lines about the article, not of it', () => {
  it('removes contributor notes and contact lines at the end of the story', () => {
    const draft = page({
      bottom:
        '<p>Associated Press writers Jay Reeves in Birmingham, Ala., and Dave Martin in Steele, Ala., contributed to this report.</p><p>Jane Doe can be reached at jdoe@example.com.</p>',
    });
    expect(draft.paragraphs).toEqual(PROSE);
    expect(reasonFor(draft, 'Jane Doe can be reached at jdoe@example.com.')).toMatch(/contact/);
    expect(furniture('Con información de Paloma Marín y Elena Sevillano.')?.reason).toBe(
      'contributor note',
    );
    // A sentence about a contribution is reporting.
    expect(furniture('Her father contributed to the campaign for years.')).toBeUndefined();
    expect(furniture('She said her brother contributed.')).toBeUndefined();
  });

  it('removes "read also" lines in the languages of the pages', () => {
    expect(furniture('A lire aussi : Notre récit du discours du ministre')?.action).toBe('remove');
    expect(furniture('Lesen Sie auch: Die Schule beginnt später')?.action).toBe('remove');
    expect(furniture('Lea también: El nuevo horario escolar')?.action).toBe('remove');
  });
});

describe('photo captions and credits', () => {
  it('removes a caption whose credit runs into it, or opens it as "Photographer/Agency"', () => {
    const draft = page({
      top: '<p>Jane Roe/Getty ImagesParents wait outside the board meeting on Tuesday.</p><p>Cliff Welch/Icon SMI Board chair Ann Lee speaks to reporters after the vote.</p>',
    });
    expect(draft.paragraphs).toEqual(PROSE);
  });

  it('removes a credit the page marks on the one element inside the paragraph', () => {
    const draft = page({ top: '<p> <span class="photoCredit">Courtesy County Schools</span></p>' });
    expect(draft.paragraphs).toEqual(PROSE);
    expect(reasonFor(draft, 'Courtesy County Schools')).toBe('photo caption or credit');
    expect(furniture('(Al Ortiz Photography)')?.reason).toBe('photo credit');
  });

  it("removes a caption that repeats the image's description", () => {
    const draft = page({
      top: '<div class="pic"><img src="a.jpg" alt="Parents wait outside the board meeting"><div class="pic-text">Parents wait outside the board meeting on Tuesday evening.</div></div>',
    });
    expect(draft.paragraphs).toEqual(PROSE);
    expect(reasonFor(draft, 'Parents wait outside the board meeting on Tuesday evening.')).toMatch(
      /caption/,
    );
  });
});

describe('the top of the story', () => {
  it('removes a section name above the headline and a site-name line', () => {
    const draft = page({
      title: 'Valley Courier: news for the valley',
      head: '<meta property="og:site_name" content="Valley Courier"><meta property="og:title" content="School day to grow longer">',
      top: '<h2 class="section-title">Education</h2><h1>School day to grow longer</h1><p class="source"><span> | ValleyCourier.com</span></p>',
    });
    expect(draft.paragraphs).toEqual(PROSE);
    expect(reasonFor(draft, 'Education')).toBe('section name above the headline');
    expect(reasonFor(draft, '| ValleyCourier.com')).toBe('site name');
  });

  it('removes a deck set as a heading above the first paragraph, and keeps subheadings', () => {
    const draft = page({
      top: '<h2>The board says longer days will help young readers, while the union wants the time paid</h2>',
      paragraphs: [PROSE[0]!, PROSE[1]!, '</p><h2>What comes next</h2><p>' + PROSE[2]!],
    });
    expect(draft.paragraphs).toEqual([PROSE[0], PROSE[1], 'What comes next', PROSE[2]]);
  });

  it('keeps a one-sentence post that ends in an ellipsis, not the widget lines above it', () => {
    const draft = page({
      paragraphs: [
        'Parents packed the hall on Tuesday as the board heard the last speakers before a vote on the longer school day, which it passed late in the evening…',
      ],
      top: '<div class="activity"><strong class="title">Recent Activity</strong></div><div class="item">Click "Add" to publish what you read to your profile</div>',
    });
    expect(draft.paragraphs).toEqual([
      'Parents packed the hall on Tuesday as the board heard the last speakers before a vote on the longer school day, which it passed late in the evening…',
    ]);
  });

  it('removes a "Tweet" sharing button although the markup calls it a tweet', () => {
    const draft = page({
      bottom: '<ul class="share"><li class="tweet"><a href="#">Tweet</a></li></ul>',
    });
    expect(draft.paragraphs).toEqual(PROSE);
    expect(draft.unsure).toEqual([]);
  });
});

describe('tables and contents', () => {
  it('drops the table of contents and header rows, and keeps what follows a long table', () => {
    const rows = Array.from(
      { length: 6 },
      (_, i) =>
        `<tr><td>${i + 1}</td><td>Episode ${i + 1}: a long synopsis of what happens to the crew on the ship, told in two full sentences. The crew then leaves the port and sails north.</td></tr>`,
    ).join('');
    const draft = page({
      top: '<div id="toc" class="toc"><h2>Contents</h2><ul><li>1 Plot</li><li>2 Music</li></ul></div>',
      bottom: `<table class="wikitable"><tr><th>#</th><th>Synopsis</th></tr>${rows}</table><h3>Music</h3><table class="tracklist"><tr><td>1. Opening Theme 3:30</td></tr></table><p>The soundtrack was released on one disc with seventeen tracks, including the opening and ending themes.</p>`,
    });
    expect(draft.paragraphs).not.toContain('Contents');
    expect(draft.paragraphs).not.toContain('# Synopsis');
    expect(draft.paragraphs.slice(-3)).toEqual([
      'Music',
      '1. Opening Theme 3:30',
      'The soundtrack was released on one disc with seventeen tracks, including the opening and ending themes.',
    ]);
  });
});

describe('titles', () => {
  it("takes the page's one headline over a social title worded otherwise", () => {
    const draft = page({
      head: '<meta property="og:title" content="Board votes to lengthen school day ... Will it help?">',
      before: '<h1 class="entry-title">The Longer School Day Is Here</h1>',
    });
    expect(found(draft, 'title')).toBe('The Longer School Day Is Here');
  });

  it('takes a short headline that opens the page <title>', () => {
    const draft = page({
      title: 'Longer days, really? Board adds twenty minutes - Valley Courier',
      head: '<meta property="og:title" content="Lee: the board grandstands about time">',
      before: '<h1>Longer days, really?</h1>',
    });
    expect(found(draft, 'title')).toBe('Longer days, really?');
  });
});

describe('dates', () => {
  it('reads the date line under the headline in Arabic, and removes it', () => {
    const draft = page({
      lang: 'ar',
      top: '<h1>School day to grow longer</h1><div class="stamp">الأحد، 04 آب/اغسطس 2013، آخر تحديث 02:21 (GMT+0400)</div>',
    });
    expect(found(draft, 'published')).toBe('2013-08-04');
    expect(draft.paragraphs).toEqual(PROSE);
    expect(dateInText('١٢ تشرين الثاني ٢٠١٢')?.date).toBe('2012-11-12');
  });

  it('reads an American byline date with a two-digit year, not a date offered by a search form', () => {
    const draft = page({
      before:
        '<form><select id="date" name="dt"><option>10/12/2010</option></select></form><div class="byline">By MAGGIE DOE &amp; SHIRA ROE | 10/9/10 7:15 AM EDT</div>',
    });
    expect(found(draft, 'published')).toBe('2010-10-09');
    expect(numericDate('10/9/10 7:15 AM', 'en-GB')).toBeUndefined();
    expect(numericDate('won 10/9/10 in the final')).toBeUndefined();
  });

  it('reads the date beside the comment count, and other publishing systems\u2019 date tags last', () => {
    const shown = page({
      head: '<meta name="publish_date" content="Thu, 06 Oct 2011 08:10:27 EST">',
      before:
        '<div class="comments_datetime"><p><span>By JANE DOE</span> 10/ 5/11 09:19 PM ET</p></div>',
    });
    expect(found(shown, 'published')).toBe('2011-10-05');
    const tagged = page({
      head: '<meta name="publish_date" content="Thu, 06 Oct 2011 08:10:27 EST">',
    });
    expect(found(tagged, 'published')).toBe('2011-10-06');
    expect(tagged.found.find((f) => f.field === 'published')?.from).toBe(
      'the publish_date meta tag',
    );
  });

  it('reads the exact time of a relative date from its <abbr> title', () => {
    const draft = page({
      before:
        '<div class="byline"><cite>By Jane Doe, Associated Press</cite> <abbr title="2011-08-25T01:40:40Z">1 hr 4 mins ago</abbr></div>',
    });
    expect(found(draft, 'published')).toBe('2011-08-25');
  });

  it("falls back to the date in the page's address, with the precision it gives", () => {
    const draft = page({
      head: '<link rel="canonical" href="https://news.example.com/2010/08/13/school-day-longer/">',
    });
    expect(found(draft, 'published')).toBe('2010-08-13');
    expect(urlDate('https://example.com/news/2013-04-22/school-day/1234')?.value).toBe(
      '2013-04-22',
    );
    expect(urlDate('https://example.com/blog/2014/05/school-day.html')?.value).toBe('2014-05');
    // A number that only looks like a year is not a date.
    expect(urlDate('https://example.com/story/2013456/school')).toBeUndefined();
    expect(urlDate('https://example.com/2019/99/x')).toBeUndefined();
  });
});

describe('paragraphs past a paywall line', () => {
  const body = (classes: string[]) =>
    PROSE.map((text, i) => `<p class="${classes[i]}">${text}</p>`).join('');

  it('keeps the story’s paragraphs a subscriber’s saved page marks with a paywall class', () => {
    const draft = page({
      paragraphs: [],
      top: body(['body-paragraph', 'body-paragraph paywall', 'body-paragraph paywall']),
    });
    expect(draft.paragraphs).toEqual(PROSE);
  });

  it('still removes the paywall’s own box', () => {
    const offer = 'Subscribe today to keep reading every story for just one dollar a week.';
    const draft = page({ bottom: `<p class="paywall-offer">${offer}</p>` });
    expect(draft.paragraphs).toEqual(PROSE);
    expect(reasonFor(draft, offer)).toBe('subscription or promotion box');
  });
});

describe('the first paragraph of a story', () => {
  it('keeps an opening paragraph that ends in a closing guillemet or a smiley', () => {
    const swiss =
      'Der Sportredaktor singt halblaut hinter seinem Bildschirm. «So heisst es doch, oder?»';
    const blog =
      'Zuerst dachte ich, ich könnte das verheimlichen. Dann wurde uns schnell klar, dass ihr viel zu aufmerksam seid. Nun gut… 😀';
    for (const first of [swiss, blog]) {
      const draft = page({ paragraphs: [first, ...PROSE] });
      expect(draft.paragraphs).toEqual([first, ...PROSE]);
    }
  });

  it('keeps a paragraph whose pasted markup carries a class word for tags', () => {
    const pasted = `<p><span class="_fbReactionComponent__eventDetailsContentTags">${PROSE[0]}</span></p>`;
    const draft = page({ paragraphs: PROSE.slice(1), top: pasted });
    expect(draft.paragraphs).toEqual(PROSE);
    // Real topic tags are still removed.
    const tagged = page({ bottom: '<p class="tags">Schools, Budget, County board</p>' });
    expect(reasonFor(tagged, 'Schools, Budget, County board')).toBe('topic tags');
  });
});

describe('a story set in runs of paragraphs', () => {
  const run = (text: string) =>
    `<div class="post-content text-block"><section><p>${text}</p></section></div>`;
  const advert = '<div class="ad-slot"><img src="ad.png" alt=""></div>';
  const note =
    'This story is published under a licence; reproduction in whole or in part without written permission is forbidden.';

  it('keeps every run of the story, not only the longest, and still ends before a footer note', () => {
    const draft = page({
      paragraphs: [],
      top: [run(PROSE[0]!), advert, run(PROSE[1]!), advert, run(PROSE[2]!)].join(''),
      bottom: `<div class="site-notes"><p>${note}</p></div>`,
    });
    expect(draft.paragraphs).toEqual(PROSE);
    expect(reasonFor(draft, note)).toBe('page footer after the article text');
  });
});

describe('the report', () => {
  it('lists a line cut above the article as removed, not also as kept and unsure', () => {
    const draft = page({ top: '<p>Written by Ann Lee and Tom Park</p>' });
    expect(draft.paragraphs).toEqual(PROSE);
    expect(reasonFor(draft, 'Written by Ann Lee and Tom Park')).toMatch(/^header above/);
    expect(draft.unsure).toEqual([]);
  });
});

describe('a slideshow whose captions carry the story', () => {
  const intro =
    'The town library reopened this month after a year of building work. Here is what changed, room by room.';
  const slides = [
    'The old reading room was split in two. One half is now a quiet room with long desks and lamps, and the other half is a place where students can work in groups and talk.',
    'Children have a floor of their own, with low shelves, a small stage for story time and a corner where toddlers can play while their parents choose books.',
    'The basement, once a store for old newspapers, holds a workshop with sewing machines, a 3D printer and tools that anyone with a library card may borrow for a week.',
    'A café by the entrance is run by a local baker. The librarians say it already brings in people who had not visited the building for years.',
  ];
  const slide = (text: string, n: number) =>
    `<figure class="slide slide-${n}"><img src="room-${n}.jpg" alt=""><figcaption class="slide-caption"><p>${text}</p><span class="photo-source">Photo: Town Library</span></figcaption></figure>`;
  // The same slideshow with each caption's text set straight in the <figcaption>, no <p>.
  const bare = (text: string, n: number) =>
    `<figure class="slide slide-${n}"><img src="room-${n}.jpg" alt=""><figcaption>${text}</figcaption></figure>`;
  const gallery = slides.map(slide).join('<div class="ad-slot"></div>');

  it('keeps long captions as paragraphs when they hold most of the prose, and says so', () => {
    const draft = page({ paragraphs: [intro], bottom: `<div class="slides">${gallery}</div>` });
    expect(draft.paragraphs).toEqual([intro, ...slides]);
    expect(draft.unsure.map((n) => n.text)).toEqual(slides);
    expect(draft.unsure[0]!.reason).toMatch(/^slideshow caption kept as article text/);
    // The photo credits in the captions are still removed.
    expect(reasonFor(draft, 'Photo: Town Library')).toBe('photo caption or credit');
    const plain = page({ paragraphs: [intro], bottom: slides.map(bare).join('') });
    expect(plain.paragraphs).toEqual([intro, ...slides]);
  });

  it('still removes the captions of an ordinary story, and of one or two photos', () => {
    const photos = slides.slice(0, 3).map(slide).join('');
    const story = page({ top: photos });
    expect(story.paragraphs).toEqual(PROSE);
    expect(reasonFor(story, slides[0]!)).toBe('photo caption or credit');
    const two = page({ paragraphs: [intro], bottom: slides.slice(0, 2).map(slide).join('') });
    expect(two.paragraphs).toEqual([intro]);
    expect(two.unsure).toEqual([]);
  });
});
