/**
 * The files pages load besides themselves: the fonts, exactly as a build
 * writes them to out/assets/, and the preview's own stylesheet and
 * live-reload script. Each is found by its exact name in this list, never
 * by turning a URL into a path.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BUILTIN_TEMPLATES } from '../project.js';
import { allFontAssets, fontAssets } from '../render/fonts.js';
import type { SiteState } from './site.js';
import { ASSETS_DIR } from '../write/font-assets.js';

export interface Asset {
  type: string;
  /** Absolute path of the file to send, or the bytes themselves. */
  source: string | Buffer;
}

/** URL path (no leading slash) of the live-reload script that every preview page loads. */
export const LIVE_SCRIPT = '_preview/live.js';

export const FONTS_CSS = `${ASSETS_DIR}/fonts.css`;
const CSS = 'text/css; charset=utf-8';

/**
 * The fonts.css `handout build` would write for the project as it is now:
 * the stacks, and the faces its documents use (rendering them all takes a
 * few milliseconds per page, once per change).
 */
export function fontsCssFor(state: SiteState): Asset {
  const documents = state.ok ? [...state.catalog.documents.values()] : [];
  const pages = documents.flatMap((doc) => {
    try {
      return [doc.render()];
    } catch {
      // A page that cannot be rendered shows its own error when asked for; it needs no fonts.
      return [];
    }
  });
  return { type: CSS, source: Buffer.from(fontAssets(pages).css) };
}

export function assetTable(): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  // Every font file, CJK included (pages are made on request, their text
  // unknown here); fonts.css is made per project state by fontsCssFor. The
  // print views' folder gets the stylesheet naming all of them.
  const fonts = allFontAssets();
  assets.set(FONTS_CSS, { type: CSS, source: Buffer.from(fonts.css) });
  for (const font of fonts.files)
    assets.set(`${ASSETS_DIR}/fonts/${font.name}`, { type: 'font/woff2', source: font.source });
  assets.set(LIVE_SCRIPT, {
    type: 'text/javascript; charset=utf-8',
    source: path.join(BUILTIN_TEMPLATES, 'preview', 'live.js'),
  });
  assets.set('_preview/preview.css', {
    type: 'text/css; charset=utf-8',
    source: path.join(BUILTIN_TEMPLATES, 'preview', 'preview.css'),
  });
  return assets;
}

const loaded = new WeakMap<Asset, Promise<Buffer>>();

/** The asset's bytes, read once: these files do not change while handout runs. */
export function assetBytes(asset: Asset): Promise<Buffer> {
  let bytes = loaded.get(asset);
  if (!bytes) {
    bytes =
      typeof asset.source === 'string' ? readFile(asset.source) : Promise.resolve(asset.source);
    loaded.set(asset, bytes);
  }
  return bytes;
}

/** The page as served: the built HTML plus one script tag, just before </body>. */
export function withReloadHook(html: string, generation: string): string {
  const hook = `<script src="/${LIVE_SCRIPT}" data-generation="${generation}" defer></script>\n`;
  const at = html.lastIndexOf('</body>');
  return at === -1 ? html + hook : html.slice(0, at) + hook + html.slice(at);
}
