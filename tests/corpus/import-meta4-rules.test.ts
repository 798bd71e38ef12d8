/**
 * The headline and date rules learnt from a fourth tune set of pages of
 * further sites (bench/import-eval/meta4): government and civic-education
 * pages, and pages built without heading elements. Each on a small page
 * written for the test, with what a teacher would see wrong in the draft's
 * `title` or `published` without the rule.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { pageLanguage } from '../../src/corpus/import/language.js';
import { found, page, PROSE } from '../helpers/import-page.js';

describe('the headline', () => {
  it('skips an <h1> written for screen readers only and the topic label inside the shown one', () => {
    // A ministry's portal: its name as a hidden <h1>, the portal's name, then the page's own <h1>,
    // which opens with a topic label ("Topic" for screen readers, "Consumer protection" on screen).
    const draft = page({
      title: 'MINISTRY | School day to grow longer',
      before:
        '<h1 class="aural">Federal Ministry of Education and Consumer Protection</h1><h1>Consumerportal</h1>',
      top: '<h1 class="isFirstInSlot"><span class="category"><span class="aural">Topic </span>Consumer protection</span>The school day will grow longer</h1>',
    });
    expect(found(draft, 'title')).toBe('The school day will grow longer');
  });

  it('keeps a heading’s first words when they are not set apart as a label', () => {
    const draft = page({
      title: 'School day to grow longer',
      top: '<h1><span class="first-word">Board</span> votes for a longer school day</h1>',
    });
    expect(found(draft, 'title')).toBe('Board votes for a longer school day');
  });

  it('takes the element named for the headline on a page without headings, not the site’s name', () => {
    // "Site - Headline" as the <title>; the story's photo opens larger from a link, its alt text the
    // headline: a photo, not the site's logo, so the headline part is not dropped as the site's name.
    const draft = page({
      title: 'County Council Group - Board votes for a longer school day',
      before:
        '<div class="top_headline">County Council Group</div><div class="slider"><span class="teaser_headline">Zoo prices to rise</span></div>',
      top:
        '<a href="/files/big/photo.jpg" class="lightview"><img src="/files/big/photo.jpg" alt="Board votes for a longer school day"></a>' +
        '<div id="blog_date">22.05.2014 - Town</div><div id="blog_headline" class="teaser_headline">Board votes for a longer school day</div>',
    });
    expect(found(draft, 'title')).toBe('Board votes for a longer school day');
  });
});

describe('the publication date, in the page’s language', () => {
  it('reads a German date line on a page that declares no language, from the language of its words', () => {
    const draft = page({
      title: 'Schultag wird länger',
      lang: '',
      paragraphs: [
        'Der Schulrat hat am Dienstag beschlossen, dass der Schultag ab dem nächsten Herbst um zwanzig Minuten länger wird, nach einem Jahr der Anhörungen.',
        'Die Mitglieder sagten, die Zeit sei für das Lesen in den ersten Klassen und für die Mathematik in der Mittelstufe gedacht, wo die Ergebnisse sinken.',
        'Die Gewerkschaft der Lehrer will mit dem Rat über die Bezahlung der Minuten sprechen, und das auch schon im Frühjahr vor dem Haushalt.',
      ],
      bottom: '<div class="submitted">Gespeichert von redaktion am 24. Juli 2017 - 18:55</div>',
    });
    expect(found(draft, 'published')).toBe('2017-07-24');
  });

  it('does not guess a language from a few words, and leaves such a date unread', () => {
    const draft = page({
      lang: '',
      paragraphs: PROSE,
      bottom: '<div class="submitted">Gespeichert von redaktion am 24. Juli 2017 - 18:55</div>',
    });
    // The story is in English: the German line is not read as English either.
    expect(found(draft, 'published')).toBeUndefined();
  });

  it('reads the date in an element named for it in German ("newsdatum")', () => {
    const draft = page({
      lang: 'de-DE',
      top: '<p class="newsdatum"><a href="/2012/05/31/post/">Donnerstag, 31. Mai 2012</a></p><h2>School day to grow longer</h2>',
    });
    expect(found(draft, 'published')).toBe('2012-05-31');
  });

  it('reads no language from a document that has lost its <html> element, and does not fail', () => {
    // Readability, run on the page before the date is read, leaves some saved pages (one opening with
    // an ASCII-art comment) without a root element: reading their body would throw.
    const { document } = parseHTML(
      `<html lang="de"><body>${PROSE.map((p) => `<p>${p}</p>`).join('')}</body></html>`,
    ) as unknown as { document: Document };
    document.documentElement.remove();
    expect(pageLanguage(document)).toBeUndefined();
  });
});
