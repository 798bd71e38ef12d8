/**
 * The headline a reader sees. Publishers declare a title for social sites
 * (og:title, twitter:title), for search engines (JSON-LD, <title>, often with
 * the site's name added or shortened for search) and show one on the page;
 * the shown one is the article's title. A declared title that is only the
 * site's name and tagline (a theme's title for every page) is not one. The
 * rules, in order:
 *
 * 0. a heading that sets a kicker apart, where the titles join the kicker to
 *    its words ("Linde: Gasekonzern …");
 * 1. a heading of the page (<h1>) that says what a social or structured
 *    title declares, in full or with words dropped, or after a label of its
 *    own element that the titles leave out (a section's name);
 * 2. a second-level heading or an element marked `itemprop="headline"` that
 *    says exactly what those titles declare (the <h1> is then a site,
 *    section or blog name);
 * 3. a heading the page marks as its headline (`itemprop="headline"`);
 *    then an <h1> that says what the <title> says, less the site's name;
 * 4. a heading (or an element named for the headline) that says exactly one part of a declared title or the
 *    <title> ("Blog name » Post title", "Headline | Section | Author"), a
 *    part that is not the site's name, also in a main column the theme
 *    names for the sidebar beside it;
 *    or the rest of a title that opens with the site's name and a colon
 *    ("Blog: Post", as Blogger writes it); or an element that prints one
 *    piece of a title joined with bare hyphens or underscores ("新闻-网站");
 * 5. an <h1> that says what the page's structured breadcrumb names the page
 *    (its declared titles written for search engines); the page's one
 *    headline when its declared titles are worded otherwise, or give only the
 *    topic it names;
 * 6. when every <h1> is the site's name (a logo), the first heading of the
 *    article itself;
 * 7. the declared title; on a page with no heading and a file's name for a
 *    <title>, the bold paragraph above the story; where the <title> adds names
 *    after the headline with a mark the rules above do not split at, its
 *    opening that the page shows.
 *
 * Headings in menus, sidebars, related-story lists and comments are other
 * stories' teasers, never the headline (save a sidebar <h1> that says a
 * declared title on a page with no other <h1>: a layout that sets the
 * story's header in a side column); nor is a heading that is only a link
 * to the site's home page (a blog's name above each post), nor a search
 * box's heading saved with an empty slot for the words searched for.
 */
import type { Found } from './extracted.js';
import { entryUnderSiteName, withoutPageCounter } from './entry-title.js';
import { bylineAuthor, wordCount } from './furniture.js';
import {
  comparable,
  headingTexts,
  inBreadcrumb,
  insideClass,
  inSidebar,
  inStoryList,
  inTeaser,
  screenReaderOnly,
  shownLines,
} from './page-parts.js';
import { titleCandidates, type DeclaredTitles } from './declared-titles.js';
import { linksHome, logoNames, type Site } from './site-name.js';
import {
  afterHeadingLabel,
  boldParagraphHeadline,
  kickerHeadline,
  shownTitleOpening,
} from './title-shapes.js';
import {
  closesTitlePart,
  headingOfTitleRun,
  namesTopic,
  sharesWords,
  titleParts,
  titlePartLine,
} from './title-words.js';
import { joinedTitlePiece } from './joined-title.js';
import { datedHeading } from './dated-heading.js';
import { headingInColonTitle } from './colon-title.js';
import { pageLanguage } from './language.js';
import { unfilledTemplate } from './template-heading.js';
import { breadcrumbHeadline } from './breadcrumb-name.js';
import { headingUnderLogo } from './logo-heading.js';
import { headingOfUnpunctuatedTitle } from './unpunctuated-title.js';
import { markedTitlePart } from './marked-title-part.js';
import { boldFirstLine, holdsWords } from './heading-lines.js';

export function headline(
  document: Document,
  declaredTitles: DeclaredTitles,
  site: Site,
): Found | undefined {
  const found = shownHeadline(document, declaredTitles, site);
  return found && { ...found, value: withoutPageCounter(found.value) };
}

function shownHeadline(
  document: Document,
  declaredTitles: DeclaredTitles,
  site: Site,
): Found | undefined {
  const outlet = site.outlet;
  site = { ...site, logos: logoNames(document) };
  const { declared, candidates, values, social, pageTitle } = titleCandidates(
    document,
    declaredTitles,
    site,
  );
  const isOutlet = (h: string): boolean =>
    outlet !== undefined && comparable(h) === comparable(outlet);
  const ownHeading = (h: Element): boolean => !inTeaser(h) && !linksHome(h, site.address);

  // Some layouts set the story's header (headline, byline, date) in a column named "sidebar": where the
  // page has no <h1> outside one, a heading there is the headline when it says exactly what a declared
  // title says. Where it has, a sidebar heading that says it is a feed's link to this very story.
  const declaredExactly = (h: Element): boolean =>
    social.some(([, v]) => comparable(shownLines(h).join(' ')) === comparable(v));
  const allH1s = [...document.querySelectorAll('h1')].filter(
    (h) => !screenReaderOnly(h) && !unfilledTemplate(h),
  );
  const outsideTeasers = allH1s.filter((h) => !inTeaser(h));
  const h1Elements = outsideTeasers.length
    ? outsideTeasers
    : allH1s.filter((h) => !inStoryList(h) && inSidebar(h) && declaredExactly(h));
  const ownH1s = h1Elements.filter((h) => !linksHome(h, site.address));
  const h1s = headingTexts(ownH1s);
  const marked = headingTexts(
    [...document.querySelectorAll('h2, [itemprop="headline"]')].filter(
      (h) => h.tagName !== 'META' && !inTeaser(h),
    ),
  );
  const markedDeclared = social.some(([, v]) =>
    marked.some((h) => comparable(h) === comparable(v)),
  );
  // A breadcrumb's last item names the page it is on, and some sites set it as the page's <h1> in the
  // wording of the <title> or of the search engines' headline. Where the article's own heading says
  // exactly what another declared title says, that heading is the one its readers see: the breadcrumb
  // is navigation, whichever declared title its wording happens to match.
  const matchable =
    markedDeclared && ownH1s.some(inBreadcrumb) ? ownH1s.filter((h) => !inBreadcrumb(h)) : ownH1s;
  const says = (value: string, h: string): boolean =>
    comparable(h) === comparable(value) ||
    (comparable(value).includes(comparable(h)) && wordCount(h) >= 4);
  // "Headline<br>Editor Ana Reyes": a heading that prints the byline or a credit on a line of its own.
  // The line a declared title says is the headline, when another line is one the title does not say.
  const lineSaying = (value: string): string | undefined =>
    matchable
      .map(shownLines)
      .filter((ls) => ls.length > 1)
      .map((ls) =>
        ls.find(
          (line) =>
            says(value, line) &&
            ls.some((other) => other !== line && !comparable(value).includes(comparable(other))),
        ),
      )
      .find((line) => line !== undefined);
  // "Preps | Colorado high school football playoffs: …": a section's label in its own element opens the
  // <h1>, and the titles declare the words after it.
  const h1Matching = (value: string): string | undefined =>
    headingTexts(matchable).find((h) => says(value, h)) ??
    lineSaying(value) ??
    matchable.map((h) => afterHeadingLabel(h, value)).find((rest) => rest !== undefined);

  const kickered = kickerHeadline(document, values);
  if (kickered) return { value: kickered, from: 'the heading that sets the title’s kicker apart' };
  for (const [from, value] of social) {
    const match = h1Matching(value);
    if (match) return { value: match, from: `the page's <h1>, matching ${from}` };
  }
  for (const [from, value] of social) {
    const match = marked.find((h) => comparable(h) === comparable(value));
    if (match) return { value: match, from: `the article's heading, matching ${from}` };
  }
  // A heading the page marks as its headline for search engines (itemprop="headline") is the one it
  // shows, also where another <h1> holds a shorter wording written for search ("alternativeHeadline").
  const markedHeading = headingTexts(
    [...document.querySelectorAll('h1[itemprop~="headline"], h2[itemprop~="headline"]')].filter(
      (h) => !inTeaser(h),
    ),
  ).find((h) => wordCount(h) >= 3 && !isOutlet(h));
  if (markedHeading)
    return { value: markedHeading, from: 'the heading marked itemprop="headline"' };
  const entry = entryUnderSiteName(
    pageTitle.map(([, value]) => titleParts(value).slice(1)),
    h1s,
    headingTexts([...document.querySelectorAll('h2, h3, h4')].filter(ownHeading)),
  );
  if (entry) return { value: entry, from: "the entry's heading under the site's name in the <h1>" };
  for (const [from, value] of pageTitle) {
    const match = h1Matching(value);
    if (match) return { value: match, from: `the page's <h1>, matching ${from}` };
  }
  // "The Film Gang » Blog Archive » Stand Up Guys", "Get your Frontend JavaScript Code Covered | Code |
  // Nicolas Perriault", "Here's The Thing - Stacy Keach": a title made of the blog's, the section's, the
  // show's and the author's names around the headline, which the page shows alone as a heading (often an
  // <h2> under an <h1> that names the blog). The first heading in the page that is one of those parts,
  // and not the site's name, is the headline; the titles are tried in the order of `candidates`.
  // Pages built without heading elements name the headline's element for it instead
  // ("<div id="blog_headline">"): one of the title's parts, where other stories' teasers are not. The
  // site's banner ("top_headline", "site-headline") names the site, whatever its title part says.
  const headingElements = [
    ...document.querySelectorAll('h1, h2, h3, [id*="headline" i], [class*="headline" i]'),
  ].filter(
    (h) =>
      h.tagName !== 'META' &&
      ownHeading(h) &&
      (/^H[1-3]$/.test(h.tagName) || !insideClass(h, SITE_BANNER)),
  );
  const headings = headingTexts(headingElements);
  for (const [from, value] of candidates) {
    const parts = titleParts(value).filter((part) => wordCount(part) >= 2 && !isOutlet(part));
    const match = headings.find((h) =>
      parts.some((part) => comparable(part) === comparable(h) || closesTitlePart(part, h)),
    );
    if (match) return { value: match, from: `the heading that says one part of ${from}` };
  }
  const line = titlePartLine(headingElements, candidates, isOutlet);
  if (line) return { value: line, from: 'the line of a heading that says one part of the title' };
  const unpunctuated = headingOfUnpunctuatedTitle(headings, candidates, isOutlet);
  if (unpunctuated) return unpunctuated;
  // A theme that names its main column for the sidebar beside it ("<div class="sidebar_content">" next
  // to "<div class="sidebar_wrapper">"): on a page with no <h1> of its own, where no other heading says
  // a part of a title, one in such a column (not in a menu or a list of stories) that says a part of
  // three words or more is the post's. A page with its own <h1> has its headline there; a sidebar's
  // heading that says the shared title is then a feed's link to the story, worded as shared.
  const columnHeadings = outsideTeasers.length
    ? []
    : headingTexts(
        [...document.querySelectorAll('h1, h2, h3')].filter((h) => inSidebar(h) && !inStoryList(h)),
      );
  for (const [from, value] of candidates) {
    const parts = titleParts(value).filter((part) => wordCount(part) >= 3 && !isOutlet(part));
    const match = columnHeadings.find((h) => parts.some((p) => comparable(p) === comparable(h)));
    if (match) return { value: match, from: `the heading that says one part of ${from}` };
  }
  const piece = joinedTitlePiece(document, values);
  if (piece) return { value: piece, from: 'the element that prints one piece of a joined title' };
  const run = headingOfTitleRun(headings, candidates);
  if (run) return run;
  // "Lost in JIT: PyPy and the road towards SciPy": the blog's name is also the heading that links home
  // above every post.
  const blog = {
    ...site,
    logos: [
      ...(site.logos ?? []),
      ...headingTexts(h1Elements.filter((h) => linksHome(h, site.address))),
    ],
  };
  const colonJoined = headingInColonTitle(declared, headings, site, blog);
  if (colonJoined) return colonJoined;
  const crumbed = breadcrumbHeadline(document, h1s, isOutlet);
  if (crumbed) return crumbed;
  // A page's one headline is what its readers see, also when the title it declared for social sites
  // is worded differently ("The Few. The Proud. The New Marines?" shown, "... Getting a Makeover?" shared).
  // So is a page whose every title tag gives only its topic ("Arbeit") where its one headline is a
  // sentence that says the topic ("Wir kämpfen für gute Arbeit"): a standing page of an institution,
  // named in its tags for its place in the site's index.
  const headlines = h1s.filter(
    (h) => wordCount(h) >= 2 && holdsWords(h) && !bylineAuthor(h) && !isOutlet(h),
  );
  if (
    headlines.length === 1 &&
    candidates.some(([, v]) => sharesWords(headlines[0]!, v) || namesTopic(v, headlines[0]!))
  )
    return {
      value: boldFirstLine(ownH1s, headlines[0]!),
      from: "the page's <h1> (its declared title is worded otherwise)",
    };
  const underLogo = headingUnderLogo(document, h1Elements, site, isOutlet);
  if (underLogo) return underLogo;
  const shown = candidates[0];
  if (shown && shown[0] !== 'the page <title>') return { value: shown[1], from: shown[0] };
  const bold = boldParagraphHeadline(document, values);
  if (bold)
    return { value: bold, from: 'the bold paragraph above the story (the page has no heading)' };
  // "Bohnenviertel - Stadt Stuttgart": a headline of one word, too short for the rules above, is still
  // the <h1> that says one part of a declared title, before a later <h1> ("Mehr zum Thema", a box of
  // links beside the text) that says none.
  const titled = h1s.find(
    (h) =>
      !isOutlet(h) &&
      candidates.some(([, v]) => titleParts(v).some((part) => comparable(part) === comparable(h))),
  );
  if (titled) return { value: titled, from: "the page's <h1> that says one part of the <title>" };
  const mainH1 = headlines[0];
  if (mainH1) {
    const mainElement = ownH1s.find((h) => headingTexts([h])[0] === mainH1);
    const part = mainElement && markedTitlePart(mainElement);
    if (part) return { value: part, from: "the part of the page's <h1> its class calls the title" };
    return { value: boldFirstLine(ownH1s, mainH1), from: "the page's <h1>" };
  }
  const opening = shown && shownTitleOpening(document, shown[1]);
  if (opening) return { value: opening, from: 'the opening of the <title> that the page shows' };
  const dated = datedHeading(document, pageLanguage(document));
  if (dated) return { value: dated, from: 'the heading a date line follows (no title names it)' };
  return shown ? { value: shown[1], from: shown[0] } : undefined;
}

/** Class words of the site's own banner at the top of every page: its name, not a story's headline. */
const SITE_BANNER = /^(top|site|logo|brand|masthead|header|banner)$/;
