/**
 * The address a page's own share buttons hand to a social site ("facebook.com/sharer/sharer.php?u=…",
 * "linkedin.com/shareArticle?url=…"): the page's own address, on a page that declares none (no canonical
 * link, no og:url), as many institutions' publishing systems leave theirs. Many sites write the day
 * into it. Only where every such button shares one and the same address: a box that shares other
 * stories is no witness to this one's.
 */
const SHARE_PATH = /share|sharer|intent\/tweet/i;
const SHARED_PARAMETERS = ['u', 'url'];

export function sharedAddress(document: Document): string | undefined {
  const addresses = new Set<string>();
  for (const link of document.querySelectorAll('a[href]')) {
    const href = parsed(link.getAttribute('href') ?? '');
    if (!href || !SHARE_PATH.test(href.pathname)) continue;
    for (const parameter of SHARED_PARAMETERS) {
      const value = href.searchParams.get(parameter);
      if (value && /^https?:\/\/[^/]+\/./i.test(value)) addresses.add(value);
    }
  }
  return addresses.size === 1 ? [...addresses][0] : undefined;
}

function parsed(href: string): URL | undefined {
  try {
    return new URL(href, 'https://page.invalid/');
  } catch {
    return undefined;
  }
}
