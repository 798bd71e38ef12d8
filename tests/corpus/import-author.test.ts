/**
 * The author a draft names: the writer the page credits, not the publisher's company that a publishing
 * system puts in every page's author tag, nor the buttons printed after a byline.
 */
import { describe, expect, it } from 'vitest';
import { found, page } from '../helpers/import-page.js';

describe('corpus import: the author', () => {
  it('takes the byline’s writer over a company’s name in the author tag', () => {
    const draft = page({
      head: '<meta name="author" content="Frankfurter Allgemeine Zeitung GmbH">',
      lang: 'de',
      top: '<span class="Autor"><span class="Datum">06.03.2017,</span> von <span class="caps">Constanze Kurz</span></span>',
    });
    expect(found(draft, 'author')).toBe('Constanze Kurz');
  });

  it('keeps a company’s name where no byline names a writer', () => {
    const draft = page({ head: '<meta name="author" content="mediagene Inc.">' });
    expect(found(draft, 'author')).toBe('mediagene Inc.');
  });

  it('keeps a person named in the author tag over the byline', () => {
    const draft = page({
      head: '<meta name="author" content="Ana Reyes">',
      top: '<p class="byline">By Tom Becker</p>',
    });
    expect(found(draft, 'author')).toBe('Ana Reyes');
  });

  it('reads "Por" and "Par" bylines, taking the linked name, not a follow button', () => {
    const spanish = page({
      lang: 'es',
      top: '<div class="byline"><p><span>Por </span><a class="author-name" href="/autor/juan-gaona/">Juan Gaona</a></p><a class="follow" href="https://example.com/follow">Seguir</a></div>',
    });
    expect(found(spanish, 'author')).toBe('Juan Gaona');
    const french = page({ lang: 'fr', top: '<p class="auteur byline">Par Lilian Alemagna</p>' });
    expect(found(french, 'author')).toBe('Lilian Alemagna');
  });
});
