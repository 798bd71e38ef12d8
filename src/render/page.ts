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
export type PagePart = { head: true } | { name: string };

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
