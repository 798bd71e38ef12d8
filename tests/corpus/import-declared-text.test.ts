/**
 * What a page leaves in the values it declares for programs and never shows a reader: character
 * references in a JSON-LD string ("&#8217;": JSON is not HTML, so the parser never decodes it) or in a
 * <title> or meta tag escaped twice ("&amp;#8217;"), and inline markup ("<i>Dune</i>") in a JSON-LD
 * headline or an escaped og:title. A teacher must not see them in the draft either, nor a title a
 * publishing system cut to a length limit ("…") where the page declares it whole.
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

describe('inline markup in declared values', () => {
  const headline = 'Review: <i>Dune</i> on the reading list, <b>again</b>';
  const plain = 'Review: Dune on the reading list, again';

  it('takes the markup out of a JSON-LD headline that the page sets in a heading', () => {
    const draft = page({
      title: 'County news',
      head: ld({ '@type': 'NewsArticle', headline }),
      top: `<h2>${headline}</h2>`,
    });
    expect(found(draft, 'title')).toBe(plain);
  });

  it('takes the markup out of an escaped og:title, line breaks as spaces', () => {
    const draft = page({
      title: 'County news',
      head: '<meta property="og:title" content="Review: &lt;em&gt;Dune&lt;/em&gt; on the&lt;br/&gt;reading list, again">',
    });
    expect(found(draft, 'title')).toBe(plain);
  });

  it('keeps a "<" that is text, not a tag', () => {
    const draft = page({
      title: 'County news',
      head: ld({ '@type': 'NewsArticle', headline: 'Why 3 < 5 matters in the new maths plan' }),
    });
    expect(found(draft, 'title')).toBe('Why 3 < 5 matters in the new maths plan');
  });
});

describe('a declared title cut short', () => {
  const whole =
    'Board votes to lengthen the school day by twenty minutes after a year of hearings with parents';

  it('is completed from the <title> it was cut from, without the site name', () => {
    const draft = page({
      title: `${whole} - The County Courier`,
      head: `<meta property="og:title" content="${whole.slice(0, 70)}…">`,
    });
    expect(found(draft, 'title')).toBe(whole);
  });

  it('is completed when it is a JSON-LD headline cut with three dots', () => {
    const draft = page({
      title: `${whole} | The County Courier`,
      head: ld({ '@type': 'NewsArticle', headline: `${whole.slice(0, 60)}...` }),
    });
    expect(found(draft, 'title')).toBe(whole);
  });

  it('stays as it is when no declared title goes on from it', () => {
    const draft = page({
      title: 'The County Courier',
      head: '<meta property="og:title" content="Wait for it...">',
    });
    expect(found(draft, 'title')).toBe('Wait for it...');
  });
});
