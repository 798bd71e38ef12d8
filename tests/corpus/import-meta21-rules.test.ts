/**
 * The title and date rules learnt from a tune set of French pages of sites in
 * no other set (bench/import-eval/meta21): on a small page written for each,
 * with what a teacher would see wrong in the draft without the rule.
 */
import { describe, expect, it } from 'vitest';
import { found, page } from '../helpers/import-page.js';

describe('the date a <time> prints', () => {
  it('takes the whole date it prints in words over a datetime days later (a later edit)', () => {
    const draft = page({
      lang: 'fr',
      title: 'Les grenades et le maintien de l’ordre',
      top: '<h1>Les grenades et le maintien de l’ordre</h1><div class="time"><time datetime="2019-07-03T10:18:46Z">Publié le 29 juin 2019</time></div>',
    });
    expect(found(draft, 'published')).toBe('2019-06-29');
  });

  it('keeps the datetime where the element prints the date in figures only', () => {
    // "05/04/2013" reads as 5 April or 4 May: the datetime says which.
    const draft = page({
      title: 'School day to grow longer',
      top: '<h1>School day to grow longer</h1><p class="dateline"><time datetime="2013-04-05T17:08:23+02:00">le 05/04/2013 à 17:08</time></p>',
    });
    expect(found(draft, 'published')).toBe('2013-04-05');
  });
});

describe('the headline', () => {
  it('splits a <title> at WordPress’s single guillemet ("Post ‹ Site")', () => {
    const draft = page({
      title: 'School day to grow twenty minutes longer ‹ County Parents Network',
      top: '<h2 class="entry-title">School day to grow twenty minutes longer</h2>',
    });
    expect(found(draft, 'title')).toBe('School day to grow twenty minutes longer');
  });

  it('takes the post’s heading in a main column the theme names for the sidebar beside it', () => {
    const draft = page({
      title: 'School day to grow twenty minutes longer | County Parents Network',
      before: '<div class="sidebar_content">',
      top: '<div class="post_header"><h3><a href="/school-day/">School day to grow twenty minutes longer</a></h3></div><div class="post_detail">27 Sep 2016</div>',
      after:
        '</div><div class="sidebar_wrapper"><div class="sidebar"><h3>Our projects</h3></div></div>',
    });
    expect(found(draft, 'title')).toBe('School day to grow twenty minutes longer');
    expect(found(draft, 'published')).toBe('2016-09-27');
  });

  it('leaves out a badge set after the headline’s words inside its heading', () => {
    const draft = page({
      lang: 'fr',
      title: 'Didier Porte souhaite la Santé à Balkany | Chroniques | Là-bas si j’y suis',
      top: '<h1 class="titre">Didier Porte souhaite la Santé à Balkany <span class="label abo">Abonnés</span></h1>',
    });
    expect(found(draft, 'title')).toBe('Didier Porte souhaite la Santé à Balkany');
  });

  it('keeps a word of the headline set in an element of its own at its end', () => {
    const draft = page({
      title: 'School day to grow longer | County News',
      top: '<h1>School day to grow <em class="highlight">longer</em></h1>',
    });
    expect(found(draft, 'title')).toBe('School day to grow longer');
  });
});
