/**
 * The headline and date rules learnt from a sixth tune set of German and
 * French pages (bench/import-eval/meta6): each on a small page written for
 * the test, with what a teacher would see wrong in the draft's `title` or
 * `published` without the rule.
 */
import { describe, expect, it } from 'vitest';
import { found, page } from '../helpers/import-page.js';

const OG_URL =
  '<meta property="og:url" content="https://edulogs.example.org/staffroom/longer-day/">';

describe('the headline', () => {
  it('takes a blog’s name with a short label before it ("BLOG: …", a link home) for the site, not the post', () => {
    const draft = page({
      head: `${OG_URL}<meta property="og:title" content="School day to grow longer">`,
      before:
        '<h1><span>BLOG: </span><a href="https://edulogs.example.org/staffroom/">The Staff Room</a></h1>',
      top: '<h1 class="entry-title">The school day will grow longer</h1>',
    });
    expect(found(draft, 'title')).toBe('The school day will grow longer');
  });

  it('splits a declared title at "»" before deciding which part names the site', () => {
    // "Longer school day » EduLogs" is the post and the network's name: the address spells "EduLogs",
    // but the part is not the site's name, and "Teacher blogs" is not the headline.
    const draft = page({
      title: 'Longer school day » EduLogs - Teacher blogs',
      head: `${OG_URL}<meta property="og:title" content="Longer school day » EduLogs - Teacher blogs">`,
      top: '<h1>The school day grows longer</h1>',
    });
    expect(found(draft, 'title')).toBe('The school day grows longer');
  });

  it('takes a one-word <h1> that is the first part of the <title>, not a later box’s <h1>', () => {
    const draft = page({
      title: 'Bohnenviertel - Stadt Stuttgart',
      lang: 'de',
      top: '<h1>Bohnenviertel</h1>',
      after:
        '<section class="color-box"><h1>Mehr zum Thema</h1><ul><li><a href="/adressen">Adressen</a></li></ul></section>',
    });
    expect(found(draft, 'title')).toBe('Bohnenviertel');
  });
});

describe('the publication date', () => {
  it('reads the datePublished of the JSON-LD web page when no article is described', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'County Courier' },
        {
          '@type': 'WebPage',
          name: 'School day to grow longer',
          datePublished: '2017-08-03T10:49:24+00:00',
        },
      ],
    };
    const draft = page({
      head: `<script type="application/ld+json">${JSON.stringify(graph)}</script>`,
    });
    expect(found(draft, 'published')).toBe('2017-08-03');
  });

  it('prefers the date printed by the story to a later dateCreated mark (the record’s move to a new system)', () => {
    const draft = page({
      lang: 'de',
      top: '<h1>Schultag wird länger</h1><div class="article-date">12.10.2015, 19:16 Uhr</div><meta itemprop="dateCreated" content="2019-05-07T17:00:52+02:00">',
    });
    expect(found(draft, 'published')).toBe('2015-10-12');
  });

  it('skips the day printed in the site’s menu bar and reads a labelled line in a box of facts', () => {
    const draft = page({
      lang: 'de',
      before:
        '<div class="menu block-menu"><ul><li class="date"><strong>Montag, 09.12.2019</strong></li><li><a href="/ueber-uns">Über uns</a></li></ul></div>',
      after:
        '<div class="widget_info"><strong>Quelle</strong><br>VERÖFFENTLICHT AM 07.06.2019<div class="tags"><a href="/tag/schule">Schule</a></div></div>',
    });
    expect(found(draft, 'published')).toBe('2019-06-07');
  });

  it('reads a date written with dots day first on a page that declares no language', () => {
    const draft = page({ lang: '', top: '<div class="date">12.10.2015, 19:16 Uhr</div>' });
    // 12 October, not 10 December as American English would read "12.10".
    expect(found(draft, 'published')).toBe('2015-10-12');
  });

  it('reads the date of a story that its page wraps, headline and all, in an <aside>', () => {
    // The aside is the story, not a side column: its printed date and its later dateCreated mark are
    // both read, and the printed one is the day the story ran.
    const draft = page({
      lang: 'de',
      open: '<aside class="pa">',
      top: '<h1>Schultag wird länger</h1><div class="article-date">12.10.2015, 19:16 Uhr</div><meta itemprop="dateCreated" content="2019-05-07T17:00:52+02:00">',
    });
    expect(found(draft, 'published')).toBe('2015-10-12');
  });
});
