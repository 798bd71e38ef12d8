/**
 * What a request asks for, decoded once and checked before anything looks
 * it up. The preview never turns a URL into a file-system path: a page is
 * found by its exact name in the catalogue of what `handout build` would
 * write, an asset by its exact name in the list of fonts. Anything odd in
 * the path (`..`, `%2e%2e`, backslashes, NUL, dot-files, `//`, absolute
 * forms) is refused here, so those lookups only ever see plain names.
 */

export interface RequestPath {
  /** Decoded path without the leading slash: "quizzes/unit/version-A.html", "" for "/". */
  path: string;
  /** Query parameters (the bank browser's filters). */
  query: URLSearchParams;
}

/** The path part of a request target, or undefined if it is not a plain, safe path. */
export function parseRequestPath(target: string | undefined): RequestPath | undefined {
  if (!target || !target.startsWith('/') || target.startsWith('//')) return undefined;
  const queryAt = target.indexOf('?');
  const rawPath = queryAt === -1 ? target : target.slice(0, queryAt);
  const rawQuery = queryAt === -1 ? '' : target.slice(queryAt + 1);
  if (rawPath.includes('#') || rawPath.includes('\\')) return undefined;
  const segments = rawPath.slice(1).split('/');
  const decoded: string[] = [];
  for (const [index, segment] of segments.entries()) {
    const last = index === segments.length - 1;
    // An empty segment is only the trailing slash of a folder-like page ("/bank/").
    if (segment === '' && last) {
      decoded.push('');
      continue;
    }
    const name = decodeSegment(segment);
    if (name === undefined || !isPlainName(name)) return undefined;
    decoded.push(name);
  }
  let query: URLSearchParams;
  try {
    query = new URLSearchParams(rawQuery);
  } catch {
    return undefined;
  }
  return { path: decoded.join('/'), query };
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** A file or folder name as handout writes them: no separators, no dot-files, no control characters. */
function isPlainName(name: string): boolean {
  return (
    name !== '' &&
    !name.startsWith('.') &&
    !/[/\\:]/.test(name) &&
    // eslint-disable-next-line no-control-regex
    !/[\u0000-\u001f\u007f]/.test(name)
  );
}
