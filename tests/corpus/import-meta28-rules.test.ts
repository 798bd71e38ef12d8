/**
 * The date rule learnt from a tune set of research articles' landing pages
 * (bench/import-eval/meta28): on a small page written for the test, with what a teacher would see
 * wrong in the draft's `published` without the rule.
 */
import { describe, expect, it } from 'vitest';
import { found, page } from '../helpers/import-page.js';

const PAPER = [
  'We recorded the calls of forty domestic cats in three situations: waiting for food, alone in an unfamiliar room, and being brushed by their owners.',
  'Two hundred adults listened to the recordings online and said in which situation each call had been made, and whether it sounded pleased or distressed.',
  'Fewer than half of the listeners named the right situation; owners of cats and listeners who scored high for empathy did better than the others.',
];

describe('a date tag that gives the year alone, on a page that prints the whole day', () => {
  it('takes the day the page prints in that year', () => {
    const draft = page({
      title: 'What a cat’s call tells its owner',
      head: '<meta name="citation_title" content="What a cat’s call tells its owner"><meta name="citation_publication_date" content="2020">',
      top: '<h1>What a cat’s call tells its owner</h1><ul class="paper-meta"><li>Published in Animal Studies 1 December 2020</li></ul>',
      paragraphs: PAPER,
    });
    expect(found(draft, 'published')).toBe('2020-12-01');
  });

  it('keeps the year where the day printed is in another year (another edition, an issue)', () => {
    const draft = page({
      title: 'What a cat’s call tells its owner',
      head: '<meta name="citation_publication_date" content="2020">',
      top: '<h1>What a cat’s call tells its owner</h1><p class="meta">Issue of 3 March 2022</p>',
      paragraphs: PAPER,
    });
    expect(found(draft, 'published')).toBe('2020');
  });

  it('keeps a whole day the tag gives, whatever other day the page prints', () => {
    const draft = page({
      title: 'What a cat’s call tells its owner',
      head: '<meta name="citation_publication_date" content="2020/11/28">',
      top: '<h1>What a cat’s call tells its owner</h1><p class="meta">Published 1 December 2020</p>',
      paragraphs: PAPER,
    });
    expect(found(draft, 'published')).toBe('2020-11-28');
  });
});
