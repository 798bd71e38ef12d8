/**
 * What a sheet's QR code says: enough to regenerate the exact copy (quiz,
 * seed, copy code or version letter) and to know which of its sheet pages
 * this is. The same facts are printed as text under the code, so a teacher
 * can type them in when a code is torn or smudged.
 */
import { qrSymbol } from './qr-symbol.js';

export interface SheetCode {
  quizId: string;
  seed: number;
  /** The version letter, or a personal copy's code (formats.md §5's `version` column). */
  copy: string;
  page: number;
  pages: number;
}

const PREFIX = 'HANDOUT1';

export function encodeSheetCode(code: SheetCode): string {
  return [PREFIX, code.quizId, code.seed, code.copy, `${code.page}/${code.pages}`].join(' ');
}

/** The code's text back as facts; undefined when it is not a handout sheet's code. */
export function parseSheetCode(text: string): SheetCode | undefined {
  const match = /^HANDOUT1 ([a-z0-9-]+) (\d{1,15}) ([A-Z0-9]{1,8}) (\d{1,2})\/(\d{1,2})$/.exec(
    text.trim(),
  );
  if (!match) return undefined;
  const [, quizId, seed, copy, page, pages] = match;
  const code = {
    quizId: quizId!,
    seed: Number(seed),
    copy: copy!,
    page: Number(page),
    pages: Number(pages),
  };
  return code.page >= 1 && code.page <= code.pages ? code : undefined;
}

/** "missile-defense-unit · seed 2026 · copy K7QF · sheet 1 of 2": the code for people. */
export function sheetCodeText(code: SheetCode): string {
  return `${code.quizId} · seed ${code.seed} · copy ${code.copy} · sheet ${code.page} of ${code.pages}`;
}

/** Quiet zone around the modules, in modules (the QR standard asks for four). */
const QUIET = 4;

/**
 * The code as an inline SVG path, `size` mm wide with its quiet zone: no
 * image file, no script, and the same bytes for the same text.
 */
export function qrSvg(text: string, size: number): string {
  const { size: n, modules } = qrSymbol(text);
  const total = n + 2 * QUIET;
  let path = '';
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (!modules[row * n + col]) continue;
      // Runs of dark modules on a row become one rectangle: a shorter path.
      let end = col;
      while (end + 1 < n && modules[row * n + end + 1]) end++;
      path += `M${col + QUIET} ${row + QUIET}h${end - col + 1}v1h${-(end - col + 1)}z`;
      col = end;
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" class="sheet-qr" width="${size}mm" height="${size}mm" viewBox="0 0 ${total} ${total}" shape-rendering="crispEdges" role="img" aria-label="Sheet code"><rect width="${total}" height="${total}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}
