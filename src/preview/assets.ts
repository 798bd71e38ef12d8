/**
 * The files pages load besides themselves: the fonts, exactly as a build
 * writes them to out/assets/, and the preview's own stylesheet and
 * live-reload script. Each is found by its exact name in this list, never
 * by turning a URL into a path.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BUILTIN_TEMPLATES } from '../project.js';
import { fontFaceCss, fontFiles } from '../render/fonts.js';
import { ASSETS_DIR } from '../write/writer.js';

export interface Asset {
  type: string;
  /** Absolute path of the file to send, or the bytes themselves. */
  source: string | Buffer;
}

/** URL path (no leading slash) of the live-reload script that every preview page loads. */
export const LIVE_SCRIPT = '_preview/live.js';

export function assetTable(): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  // The same stylesheet the writer puts in out/assets: URLs relative to itself.
  assets.set(`${ASSETS_DIR}/fonts.css`, {
    type: 'text/css; charset=utf-8',
    source: Buffer.from(fontFaceCss('.') + '\n'),
  });
  for (const font of fontFiles())
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
