/**
 * The titles a page declares for other programs (og:title, JSON-LD, twitter:title, Parse.ly's tag, the
 * <title>), as the headline finder weighs them: less the site's name and a page counter, and without
 * those that are no headline at all (the site's name and tagline, a theme's title for every page, or
 * the page's address slug).
 */
import { withoutPageCounter } from './entry-title.js';
import type { Named } from './extracted.js';
import { clean, comparable } from './page-parts.js';
import { withoutSiteName, type Site } from './site-name.js';
import { brandingTitle, siteTagline, slugTitle } from './title-shapes.js';
import { titleParts } from './title-words.js';

export interface DeclaredTitles {
  og?: string | undefined;
  jsonLd?: string | undefined;
  twitter?: string | undefined;
  /** The title in Parse.ly's `parsely-page` meta, written for an analytics service. */
  parsely?: string | undefined;
  title?: string | undefined;
}

export interface TitleCandidates {
  /** Every declared title as the page gives it, most trusted first. */
  declared: [string, string | undefined][];
  /** Those that may be the headline, cleaned; the <title> last. */
  candidates: Named[];
  values: string[];
  /** The titles written for social sites and search engines, not the <title>. */
  social: Named[];
  pageTitle: Named[];
}

/** `site` carries the page's logo names, so a title that is only the site's name is known as such. */
export function titleCandidates(
  document: Document,
  declaredTitles: DeclaredTitles,
  site: Site,
): TitleCandidates {
  const declared: [string, string | undefined][] = [
    ['og:title', declaredTitles.og],
    ['the JSON-LD headline', declaredTitles.jsonLd],
    ['twitter:title', declaredTitles.twitter],
    ['the parsely-page title', declaredTitles.parsely],
    ['the page <title>', declaredTitles.title],
  ];
  const tagline = siteTagline(
    document,
    site,
    declared.map(([, v]) => v),
  );
  const candidates = withoutCutTitles(
    declared.map(([from, v]): [string, string | undefined] => [
      from,
      v === undefined || brandingTitle(v, site, tagline) || slugTitle(v)
        ? undefined
        : withoutPageCounter(withoutSiteName(clean(v), site)),
    ]),
  ).filter((c): c is Named => Boolean(c[1]));
  return {
    declared,
    candidates,
    values: candidates.map(([, v]) => v),
    social: candidates.filter(([from]) => from !== 'the page <title>'),
    pageTitle: candidates.filter(([from]) => from === 'the page <title>'),
  };
}

/** The ellipsis a publishing system puts where it cut a title to a length limit. */
const CUT = /\s*(\u2026|\.{3})$/;

/**
 * A title cut to a length limit ("… with the county bo…" in og:title, a JSON-LD headline cut at 110
 * characters) is completed from the declared title it was cut from, one that starts with the same words
 * and goes on: the part of it that does ("… with the county board over pay", not "… - Kurier").
 */
function withoutCutTitles(
  candidates: [string, string | undefined][],
): [string, string | undefined][] {
  return candidates.map(([from, v]) => {
    if (!v || !CUT.test(v)) return [from, v];
    const stem = comparable(v.replace(CUT, ''));
    const goesOn = (text: string): boolean =>
      comparable(text).startsWith(stem) && comparable(text).length > stem.length;
    const whole = candidates.find(([, other]) => other && !CUT.test(other) && goesOn(other));
    if (!whole) return [from, v];
    const [wholeFrom, wholeTitle] = whole as Named;
    const part = titleParts(wholeTitle)
      .filter(goesOn)
      .sort((a, b) => a.length - b.length)[0]!;
    return [`${from}, cut short, completed from ${wholeFrom}`, part];
  });
}
