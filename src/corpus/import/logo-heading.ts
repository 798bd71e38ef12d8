/**
 * A page whose every <h1> is the site's logo (its name, or a link home): the article's own first
 * heading is its headline, even where the title shared on social sites is a different, louder wording
 * of it.
 */
import type { Found } from './extracted.js';
import { bylineAuthor, wordCount } from './furniture.js';
import { clean, headingTexts, inTeaser } from './page-parts.js';
import { linksHome, type Site } from './site-name.js';

export function headingUnderLogo(
  document: Document,
  h1Elements: Element[],
  site: Site,
  isOutlet: (text: string) => boolean,
): Found | undefined {
  const logos = h1Elements.filter(
    (h) => isOutlet(clean(h.textContent ?? '')) || linksHome(h, site.address) || imageOnly(h),
  );
  if (h1Elements.length === 0 || logos.length !== h1Elements.length) return undefined;
  const own = headingTexts(
    [...document.querySelectorAll('article h1, article h2, main h1, main h2')].filter(
      (h) => !inTeaser(h),
    ),
  ).find((h) => wordCount(h) >= 3 && !isOutlet(h) && !bylineAuthor(h));
  if (!own) return undefined;
  return { value: own, from: "the article's first heading (the <h1> is the site's name)" };
}

/**
 * "<h1><a href="http://example.org/"><img src="logo.svg" alt="example.org"></a></h1>": an <h1> with no
 * words of its own, only a linked picture, is the site's logo, whatever address it links to (a saved
 * page may not say its own). A headline is words a reader reads.
 */
function imageOnly(h1: Element): boolean {
  return clean(h1.textContent ?? '') === '' && h1.querySelector('a img') !== null;
}
