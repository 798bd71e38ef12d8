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
