/**
 * The name a page's structured breadcrumb gives the page itself. Search-engine plugins let an editor
 * write another title for search results and social sites, and put it in every declared title (the
 * <title>, og:title, the JSON-LD headline); the breadcrumb's last item still names the post as the
 * publishing system names it, the wording its <h1> shows.
 */
import { clean } from './page-parts.js';
import { jsonLd, name, types, type Json } from './structured-data.js';

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
