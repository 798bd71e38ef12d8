/**
 * The name a page's structured breadcrumb gives the page itself. Search-engine plugins let an editor
 * write another title for search results and social sites, and put it in every declared title (the
 * <title>, og:title, the JSON-LD headline); the breadcrumb's last item still names the post as the
 * publishing system names it, the wording its <h1> shows.
 */
import type { Found } from './extracted.js';
import { wordCount } from './furniture.js';
import { clean, comparable } from './page-parts.js';
import { jsonLd, name, types, type Json } from './structured-data.js';

/**
 * "New US AI Safety Institute Consortium announced" in every declared title, "Nvidia, OpenAI and
 * Amazon among 200 companies join new US AI Safety Institute Consortium" in the <h1>: a title written
 * for search engines. The page's structured breadcrumb names the page as its <h1> does, and that <h1>
 * (of three words or more, not the outlet's name) is the headline.
 */
export function breadcrumbHeadline(
  document: Document,
  h1s: string[],
  isOutlet: (text: string) => boolean,
): Found | undefined {
  const crumb = breadcrumbOwnName(document);
  const crumbed =
    crumb && h1s.find((h) => comparable(h) === comparable(crumb) && wordCount(h) >= 3);
  if (!crumbed || isOutlet(crumbed)) return undefined;
  return { value: crumbed, from: "the page's <h1>, as its structured breadcrumb names the page" };
}

export function breadcrumbOwnName(document: Document): string | undefined {
  for (const list of jsonLd(document)) {
    if (!types(list).includes('BreadcrumbList')) continue;
    const items = list['itemListElement'];
    if (!Array.isArray(items) || items.length < 2) continue;
    const last = [...(items as Json[])].sort((a, b) => position(a) - position(b)).at(-1);
    const named = last && (name(last) ?? name(last['item']));
    if (named) return clean(named);
  }
  return undefined;
}

/** A breadcrumb's position, written as a number or a string ("2"); items without one keep their order. */
function position(item: Json): number {
  const p = Number(item['position']);
  return Number.isFinite(p) ? p : 0;
}
