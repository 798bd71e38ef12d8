/**
 * Character references a page leaves in the values it declares for programs: a JSON-LD string holding
 * "&#8217;" (JSON is not HTML, so the parser never decodes it) and a <title> or meta tag escaped twice
 * ("&amp;#8217;"). A reader never sees them on the page; a teacher must not see them in the draft.
 */
import { describe, expect, it } from 'vitest';
import { found, page } from '../helpers/import-page.js';

const ld = (o: object) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;

describe('character references left in declared values', () => {
  it('decodes a JSON-LD headline, publisher and author that hold references', () => {
    const draft = page({
      title: 'County news',
      head: ld({
        '@type': 'NewsArticle',
        headline: 'Teachers&#8217; union says &quot;not yet&quot; to a longer day',
        publisher: { '@type': 'Organization', name: 'Courier &amp; Post' },
        author: { '@type': 'Person', name: 'Aoife O&#039;Brien' },
      }),
    });
    expect(found(draft, 'title')).toBe('Teachers\u2019 union says "not yet" to a longer day');
    expect(found(draft, 'outlet')).toBe('Courier & Post');
    expect(found(draft, 'author')).toBe("Aoife O'Brien");
  });

  it('decodes a <title> and og:title escaped twice, named references included', () => {
    const draft = page({
      title: 'Caf&amp;eacute; hours cut &amp;ndash; pupils&amp;#8217; lunches move',
      head: '<meta property="og:title" content="Caf&amp;eacute; hours cut &amp;ndash; pupils&amp;#8217; lunches move">',
    });
    expect(found(draft, 'title')).toBe('Caf\u00e9 hours cut \u2013 pupils\u2019 lunches move');
  });

  it('leaves an ampersand that starts no reference as it is', () => {
    const draft = page({ title: 'Q&amp;A: AT&amp;T and the schools' });
    expect(found(draft, 'title')).toBe('Q&A: AT&T and the schools');
  });
});
