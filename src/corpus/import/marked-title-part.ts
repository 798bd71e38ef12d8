/**
 * A journal's heading sets the article's type beside its title, each in an element of its own:
 * "<h1><span>Regular Article</span><span class="title-text">Late Pleistocene …</span></h1>". A reader
 * sees the type as a label over the title; the text of the heading runs the two together ("Regular
 * ArticleLate Pleistocene …"). Where the page declares no title to match the heading against, the
 * one element inside the heading that its class calls the title is the headline.
 */
import { wordCount } from './furniture.js';
import { comparable, shownLines } from './page-parts.js';

export function markedTitlePart(heading: Element): string | undefined {
  const parts = [...heading.querySelectorAll('*')].filter(namesTitle);
  if (parts.length !== 1) return undefined;
  const text = shownLines(parts[0]!).join(' ');
  const whole = shownLines(heading).join(' ');
  return wordCount(text) >= 2 && comparable(text) !== comparable(whole) ? text : undefined;
}

/** An element whose own class calls it the title ("title", "title-text"; not "subtitle"). */
function namesTitle(el: Element): boolean {
  return (el.getAttribute('class') ?? '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_-]+/)
    .includes('title');
}
