/**
 * Characters no reader sees (soft hyphens, zero-width spaces) never reach the draft: a teacher who
 * copies a headline or a quote from the page as printed must find the same text in the corpus.
 */
import { describe, expect, it } from 'vitest';
import { draftText } from '../../src/corpus/import/draft-article.js';
import { found, page, PROSE } from '../helpers/import-page.js';

const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF]/;

describe('characters no reader sees', () => {
  it('are not in the title or paragraphs of a saved page that writes them as references', () => {
    const draft = page({
      title: 'School day to grow long&shy;er',
      head: '<meta property="og:title" content="School day to grow long&shy;er">',
      top: '<h1>School day to grow long&shy;er</h1>',
      paragraphs: [
        PROSE[0]!.replace('hearings', 'hear&shy;ings'),
        PROSE[1]!.replace('mathematics', 'mathe&#8203;matics'),
        PROSE[2]!.replace('teachers union', 'teachers&#x2060; union'),
      ],
    });
    expect(found(draft, 'title')).toBe('School day to grow longer');
    expect(draft.paragraphs).toEqual(PROSE);
    expect(draft.markdown).not.toMatch(INVISIBLE);
  });

  it('are not in the heading a page shows while its declared title has none', () => {
    // The shown headline breaks a long word with a soft hyphen; og:title does not: the same title.
    const draft = page({
      head: '<meta property="og:title" content="Board votes for a longer school day in Springfield">',
      top: '<h1>Board votes for a longer school day in Spring\u00ADfield</h1>',
    });
    expect(found(draft, 'title')).toBe('Board votes for a longer school day in Springfield');
  });

  it('are removed from pasted text, while the joiners other scripts need stay', () => {
    const persian = 'می\u200Cخواهم'; // "I want": the non-joiner is part of the spelling
    const pasted = `School day to grow long\u00ADer\n\n${PROSE[0]!.replace('hearings', 'hear\u200Bings')}\n\n${PROSE[1]} ${persian}\n\n${PROSE[2]}\n`;
    const draft = draftText(pasted);
    expect(draft.markdown).not.toMatch(INVISIBLE);
    expect(draft.paragraphs[0]).toBe(PROSE[0]);
    expect(draft.paragraphs[1]).toContain(persian);
  });
});
