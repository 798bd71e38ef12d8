/**
 * Titles whose parts are joined with colons. A headline may hold a colon of its own, so a colon splits a
 * title only where one of its ends is known to be the site's name: the site's name last, after the
 * headline and its sections, or the blog's name first, as Blogger writes a post's <title>.
 */
import type { Found } from './extracted.js';
import { wordCount } from './furniture.js';
import { clean, comparable } from './page-parts.js';
import { namesSite, type Site } from './site-name.js';

/**
 * The heading that says the title less the names a colon joins to it: "How To Pack Everything for Your
 * Trip: The GQ Eye: GQ on Style: GQ" (the heading that says the opening parts, up to one before the
 * site's name), or "Lost in JIT: PyPy and the road towards SciPy" (the rest after the blog's name; the
 * blog's name is also the heading that links home above every post, which `blog` lists among its logos).
 */
export function headingInColonTitle(
  declared: readonly [string, string | undefined][],
  headings: readonly string[],
  site: Site,
  blog: Site,
): Found | undefined {
  for (const [from, value] of declared) {
    const parts = value === undefined ? [] : clean(value).split(/:\s+/);
    if (parts.length < 2 || !namesSite(parts.at(-1)!, site)) continue;
    for (let end = 1; end < parts.length; end++) {
      const opening = parts.slice(0, end).join(': ');
      const match = headings.find(
        (h) => wordCount(h) >= 3 && comparable(h) === comparable(opening),
      );
      if (match) return { value: match, from: `the heading that opens ${from}` };
    }
  }
  for (const [from, value] of declared) {
    const parts = value === undefined ? [] : clean(value).split(/:\s+/);
    if (parts.length < 2 || !namesSite(parts[0]!, blog)) continue;
    const rest = parts.slice(1).join(': ');
    const match = headings.find((h) => wordCount(h) >= 2 && comparable(h) === comparable(rest));
    if (match) return { value: match, from: `the heading after the site's name in ${from}` };
  }
  return undefined;
}
