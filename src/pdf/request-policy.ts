/**
 * What a page being printed may load. Printing is offline: only local files
 * and inline data, so a PDF never depends on the network or leaks that a
 * teacher opened it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * True for `data:` URLs and for `file:` URLs inside one of `fileRoots`
 * (absolute folders); with no roots, any local file is allowed.
 */
export function isAllowedUrl(url: string, fileRoots: readonly string[] | undefined): boolean {
  if (url.startsWith('data:')) return true;
  if (!url.startsWith('file:')) return false;
  if (fileRoots === undefined) return true;
  let file: string;
  try {
    file = fileURLToPath(url);
  } catch {
    return false;
  }
  return fileRoots.some((root) => isInside(file, root));
}

function isInside(file: string, root: string): boolean {
  const relative = path.relative(root, file);
  const outside = relative === '..' || relative.startsWith(`..${path.sep}`);
  return !outside && !path.isAbsolute(relative);
}

/** The folder a `file:` base URL names, with the trailing slash relative URLs need. */
export function folderUrl(baseUrl: string): URL {
  const url = new URL(baseUrl);
  if (url.protocol !== 'file:') {
    throw new Error(`baseUrl must be a file: URL, got "${baseUrl}"`);
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}
