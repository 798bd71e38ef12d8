/**
 * The rules learnt from a tune set of metascraper's saved pages (bench/import-eval/meta27): on a small
 * page written for the test, with what a teacher would see wrong in the draft without the rule.
 */
import { describe, expect, it } from 'vitest';
import { found, page } from '../helpers/import-page.js';

/** A JSON-LD breadcrumb from the home page to the page itself, named `own`. */
const breadcrumb = (own: string): string =>
  `<script type="application/ld+json">${JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: [
      {
        '@type': 'ListItem',
        position: '1',
        item: { '@id': 'https://news.example/', name: 'Home' },
      },
      {
        '@type': 'ListItem',
        position: '2',
        item: { '@id': 'https://news.example/board', name: own },
      },
    ],
  })}</script>`;

const SEO = 'County board backs longer day';
const SHOWN =
  'Parents, teachers and drivers split as the county votes for a twenty-minute longer school day';

describe('an <h1> the structured breadcrumb names, under titles written for search engines', () => {
  it('takes the <h1> when the breadcrumb names the page as the <h1> does', () => {
    const draft = page({
      title: SEO,
      head: `<meta property="og:title" content="${SEO}">${breadcrumb(SHOWN)}`,
      top: `<h1>${SHOWN}</h1>`,
    });
    expect(found(draft, 'title')).toBe(SHOWN);
  });

  it('keeps the declared title when the breadcrumb names the page as the declared titles do', () => {
    const draft = page({
      title: SEO,
      head: `<meta property="og:title" content="${SEO}">${breadcrumb(SEO)}`,
      top: `<h1>${SHOWN}</h1>`,
    });
    expect(found(draft, 'title')).toBe(SEO);
  });

  it('keeps the declared title when the breadcrumb’s last item is only a section the <h1> names', () => {
    const draft = page({
      title: SEO,
      head: `<meta property="og:title" content="${SEO}">${breadcrumb('Schools')}`,
      top: `<h1>Schools</h1>`,
    });
    expect(found(draft, 'title')).toBe(SEO);
  });
});

describe('a publication time the page also gives as its expiry time', () => {
  const served = 'Sat, 29 Jun 2019 11:05:41 GMT';
  const top =
    '<h1><small class="post-timestamp">Friday, February 7, 2014</small></h1><h1>School day to grow longer</h1>';

  it('is the moment the server answered: the date printed above the headline dates the story', () => {
    const draft = page({
      head: `<meta property="article:published_time" content="${served}"><meta property="article:expiration_time" content="${served}">`,
      top,
    });
    expect(found(draft, 'published')).toBe('2014-02-07');
  });

  it('is still the publication time where the page expires at another time', () => {
    const draft = page({
      head: `<meta property="article:published_time" content="${served}"><meta property="article:expiration_time" content="Sun, 29 Dec 2019 00:00:00 GMT">`,
      top,
    });
    expect(found(draft, 'published')).toBe('2019-06-29');
  });
});

describe('the address the page’s own share buttons share', () => {
  const share = (address: string): string =>
    `<a class="share-button" href="https://www.facebook.com/sharer/sharer.php?u=${address}">Share</a>`;
  const own = 'https://school.example/news/2018/04/19/school-day-to-grow-longer';

  it('is the page’s address where it declares none, and dates the page by the day written in it', () => {
    const draft = page({
      top: '<h1>School day to grow longer</h1><p>Published On: </p>',
      bottom: share(own),
    });
    expect(found(draft, 'source_url')).toBe(own);
    expect(found(draft, 'published')).toBe('2018-04-19');
  });

  it('is no one page’s address where the buttons share different ones', () => {
    const draft = page({
      top: '<h1>School day to grow longer</h1>',
      bottom: share(own) + share('https://school.example/news/2018/05/02/board-names-new-head'),
    });
    expect(found(draft, 'source_url')).toBeUndefined();
    expect(found(draft, 'published')).toBeUndefined();
  });
});
