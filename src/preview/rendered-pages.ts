/**
 * The pages the preview has rendered for the project as it is now, kept
 * until the next reload: a browser's reload, or the print view of a page
 * just shown, is answered without rendering again.
 */
import { fontsCssFor, type Asset } from './assets.js';
import { renderPage, type PageResult } from './pages.js';
import type { PreviewSite } from './site.js';

/** Rendered pages kept until the next reload (every filter of the bank browser is a page). */
const RENDERED_PAGES = 200;

export class RenderedPages {
  readonly #site: PreviewSite;
  readonly #cwd: string;
  /** Pages rendered for the current generation, by path and query. */
  readonly #pages = new Map<string, PageResult>();
  /** assets/fonts.css for the current generation, made on first request. */
  #fontsCss: Asset | undefined;

  /** `cwd`: problems are shown relative to it. */
  constructor(site: PreviewSite, cwd: string) {
    this.#site = site;
    this.#cwd = cwd;
  }

  /** The page at `pagePath` (undefined where the path names none). */
  render(pagePath: string, query: URLSearchParams): PageResult | undefined {
    const key = `${pagePath}?${query.toString()}`;
    let page = this.#pages.get(key);
    if (!page) {
      page = renderPage(this.#site.state, pagePath, query, this.#cwd);
      // Pages only (a path that names none is not kept), and a bounded number of them.
      if (page) this.#pages.set(key, page);
      if (this.#pages.size > RENDERED_PAGES) this.#pages.delete(this.#pages.keys().next().value!);
    }
    return page;
  }

  fontsCss(): Asset {
    return (this.#fontsCss ??= fontsCssFor(this.#site.state));
  }

  /** Forgets every page: the project was reloaded. */
  clear(): void {
    this.#pages.clear();
    this.#fontsCss = undefined;
  }
}
