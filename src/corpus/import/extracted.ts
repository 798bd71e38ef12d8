/** What an importer found in a page or a pasted text, before it becomes a draft. */

/** A declared title, named by where it was found: ["og:title", "Talks resume in Geneva"]. */
export type Named = [from: string, value: string];

/** A metadata value and where in the source it was found ("og:title", "JSON-LD datePublished", "line 3"). */
export interface Found {
  value: string;
  from: string;
}

export interface ImportNote {
  /** Line in a text file. */
  line?: number;
  /** The HTML element, as `<p class="share">`. */
  element?: string;
  text: string;
  reason: string;
}

export interface Extracted {
  paragraphs: string[];
  removed: ImportNote[];
  unsure: ImportNote[];
  title?: Found;
  outlet?: Found;
  published?: Found;
  author?: Found;
  url?: Found;
  dateline?: Found;
  /** Text near the top of the source that may name the outlet, for the FILL IN note. */
  outletHints: string[];
}
