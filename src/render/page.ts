/** What every printed page shares: paper, fonts, running header and footer. */
import type { Paper } from '../quiz/blueprint.js';

export interface PageFrame {
  lang: string;
  title: string;
  paper: string;
  /** URL of out/assets from the page; the fonts' stylesheet is there. */
  assets: string;
  header_left: string;
  header_right: string;
  footer_left: string;
  /** Set when the page is printed as part of a pack (see templates/layout.njk). */
  part?: PagePart;
}

/**
 * How a document is rendered into a pack printed as one document: the
 * pack's `<head>` (from its first part), or one part's body on its own
 * named page. Concatenating the head and every part gives the pack.
 */
export type PagePart = { head: true } | { name: string } | PairPart;

/** Both a copy's own page and its part, from one render: see renderPair. */
interface PairPart {
  name: string;
  /** Written between the page and the part. */
  pair: string;
}

/** Where a page is rendered: as a part of a pack or alone, and the URL of out/assets from there. */
export interface RenderFrame {
  part?: PagePart;
  assetsUrl: string;
}

/** A class's copy as its own page and as one part of its pack. */
export interface PagePair {
  page: string;
  part: string;
}

/**
 * Stand in for the page's name, for the URL of out/assets and between the
 * page and the part while a pair is rendered: private-use characters, which
 * text from a teacher almost never holds (pairsAllowed checks), and others
 * than page-fill.ts's, so that a pair too is filled into a shape.
 */
const NAME_MARK = '\uE011';
const ASSETS_MARK = '\uE012';
const PAIR_MARK = '\uE013';
const MARKS = /[\uE011-\uE013]/;

/** The name layout.njk gives the page of a document printed alone. */
const OWN_PAGE_NAME = 'copy';

/**
 * A copy rendered once for its own page (an HTML file in copies/) and for
 * part `part.name` of its pack: the layout writes the body once for the two
 * (templates/layout.njk), and each gets its page name and assets URL. A
 * project's own layout that knows nothing of pairs is rendered twice, as
 * before.
 */
export function renderPair(
  render: (frame: RenderFrame) => string,
  page: { assetsUrl: string },
  part: { name: string; assetsUrl: string },
): PagePair {
  const both = render({ part: { name: NAME_MARK, pair: PAIR_MARK }, assetsUrl: ASSETS_MARK });
  const at = both.indexOf(PAIR_MARK);
  if (at < 0) {
    return {
      page: render({ assetsUrl: page.assetsUrl }),
      part: render({ part: { name: part.name }, assetsUrl: part.assetsUrl }),
    };
  }
  const fill = (html: string, name: string, assetsUrl: string) =>
    html.replaceAll(NAME_MARK, name).replaceAll(ASSETS_MARK, assetsUrl);
  return {
    page: fill(both.slice(0, at), OWN_PAGE_NAME, page.assetsUrl),
    part: fill(both.slice(at + PAIR_MARK.length), part.name, part.assetsUrl),
  };
}

/**
 * Whether pages made from `inputs` (the bank, the quiz, the roster...) can
 * be rendered as pairs: not if any text holds one of the marks, which would
 * be taken for the layout's own.
 */
export function pairsAllowed(...inputs: unknown[]): boolean {
  return !inputs.some((input) => MARKS.test(JSON.stringify(input) ?? ''));
}

const PAPER_SIZES: Record<Paper, string> = { letter: 'letter', a4: 'A4' };

export function pageFrame(options: {
  title: string;
  paper: Paper;
  assetsUrl: string;
  headerLeft: string;
  headerRight: string;
  footerLeft: string;
  part?: PagePart | undefined;
}): PageFrame {
  return {
    lang: 'en',
    title: options.title,
    paper: PAPER_SIZES[options.paper],
    assets: options.assetsUrl,
    header_left: options.headerLeft,
    header_right: options.headerRight,
    footer_left: options.footerLeft,
    ...(options.part ? { part: options.part } : {}),
  };
}
