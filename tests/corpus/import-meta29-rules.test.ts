/**
 * The title and date rules learnt from a tune set of saved blog and news pages
 * (bench/import-eval/meta29), two from its misses and four from its near-misses: each on a small page
 * written for the test, with what a teacher would see wrong in the draft without the rule.
 */
import { describe, expect, it } from 'vitest';
import { found, page } from '../helpers/import-page.js';

describe('structured data wrapped in a CDATA section', () => {
  it('reads the JSON inside the markers', () => {
    const draft = page({
      head: '<script type="application/ld+json"><![CDATA[ {"@context":"https://schema.org","@type":"NewsArticle","headline":"School day to grow longer","datePublished":"2021-03-04T09:00:00-05:00"} ]]></script>',
      top: '<h1>School day to grow longer</h1>',
    });
    expect(found(draft, 'published')).toBe('2021-03-04');
  });

  it('reads it behind the comment marks a script engine skips', () => {
    const draft = page({
      head: '<script type="application/ld+json">//<![CDATA[\n{"@type":"NewsArticle","datePublished":"2021-03-04"}\n//]]></script>',
      top: '<h1>School day to grow longer</h1>',
    });
    expect(found(draft, 'published')).toBe('2021-03-04');
  });
});

describe('a heading that opens with the day the post ran', () => {
  it('is titled by the words after the day, and dated by the day', () => {
    const draft = page({
      title: 'The District Letter',
      top: '<h1>&gt;&gt;&gt; 2021-02-14 why the bells ring later</h1>',
    });
    expect(found(draft, 'title')).toBe('why the bells ring later');
    expect(found(draft, 'published')).toBe('2021-02-14');
  });

  it('keeps a heading whose figures are not a day', () => {
    const draft = page({
      title: 'The District Letter',
      top: '<h1>2021-22 budget adds twenty minutes</h1>',
    });
    expect(found(draft, 'title')).toBe('2021-22 budget adds twenty minutes');
  });
});

describe('a list of related posts whose class joins "related" to what it lists', () => {
  it('never dates the page by another post in it', () => {
    const draft = page({
      top: '<h1>School day to grow longer</h1>',
      bottom:
        '<div id="jp-relatedposts" class="jp-relatedposts"><h3>Related</h3><p class="jp-relatedposts-post"><span><a href="/buses">Buses change their routes</a></span><time class="jp-relatedposts-post-date" datetime="July 15, 2016">July 15, 2016</time></p></div>',
    });
    expect(found(draft, 'published')).toBeUndefined();
  });
});

describe('a publication time with no zone, one day off the day the page prints', () => {
  const top =
    '<h1>School day to grow longer</h1><div class="article-meta"><p><span>Published: May 11, 2021</span> <span>By Ana Reyes</span></p></div>';

  it('gives way to the printed day', () => {
    const draft = page({
      head: '<meta property="og:article:published_time" value="2021-05-10T11:40:12">',
      top,
    });
    expect(found(draft, 'published')).toBe('2021-05-11');
  });

  it('is kept where the printed day is the day the page was modified', () => {
    const draft = page({
      head: '<meta property="og:article:published_time" value="2021-05-10T11:40:12"><meta property="og:article:modified_time" value="2021-05-11T08:02:00">',
      top,
    });
    expect(found(draft, 'published')).toBe('2021-05-10');
  });
});

describe("a declared title that opens with the site's name and a colon", () => {
  it('is the words after the colon, on a page with no heading', () => {
    const draft = page({
      title: 'Riverside Notes: The school day grows longer',
      head: '<meta property="og:site_name" content="Riverside Notes"><meta property="og:title" content="Riverside Notes: The school day grows longer">',
    });
    expect(found(draft, 'title')).toBe('The school day grows longer');
  });
});

describe('an <aside> right after the headline', () => {
  it('is the headline’s line of facts, and its date dates the page', () => {
    const draft = page({
      before:
        '<h1 id="title">The school day grows longer</h1><aside id="meta-top"><section><span id="date">Mar 4, 2021</span> <span id="reading-time">6 minute read</span></section></aside>',
    });
    expect(found(draft, 'published')).toBe('2021-03-04');
  });
});
