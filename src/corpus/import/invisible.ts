/**
 * Characters a reader never sees but a program does: a soft hyphen (`&shy;`, where a long word may
 * break at the end of a line), a zero-width space, a word joiner, a byte-order mark inside the text.
 * Pages put them inside words and headlines for line breaking. Kept in a corpus, they make a quote
 * the teacher copies from the printed page differ, invisibly, from the paragraph it cites, and a
 * title differ from the same words typed. The joiners U+200C and U+200D stay: Persian, the Indic
 * scripts and emoji need them.
 */
const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF]/g;
const HAS_INVISIBLE = /[\u00AD\u200B\u2060\uFEFF]/;

/** The same characters as a page may write them: as themselves or as character references. */
const IN_SOURCE =
  /[\u00AD\u200B\u2060\uFEFF]|&(?:shy|ZeroWidthSpace|NoBreak|#0*173|#x0*ad|#0*8203|#x0*200b|#0*8288|#x0*2060|#0*65279|#x0*feff);/i;

/** Attributes whose text the importer reads: meta tags' values, images' alt text, dates. */
const READ_ATTRIBUTES = ['content', 'value', 'alt', 'title', 'datetime'];

export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/**
 * Removes the invisible characters from every text and read attribute of a parsed page, before
 * anything reads it. `html` is the page's source: a page that has none (most) is not walked.
 */
export function removeInvisible(document: Document, html: string): void {
  if (!IN_SOURCE.test(html)) return;
  const visit = (node: Node): void => {
    if (node.nodeType === 3) {
      const text = node.textContent ?? '';
      if (HAS_INVISIBLE.test(text)) node.textContent = withoutInvisible(text);
      return;
    }
    if (node.nodeType === 1) {
      const element = node as Element;
      for (const name of READ_ATTRIBUTES) {
        const value = element.getAttribute(name);
        if (value !== null && withoutInvisible(value) !== value)
          element.setAttribute(name, withoutInvisible(value));
      }
    }
    for (const child of node.childNodes) visit(child);
  };
  visit(document);
}
