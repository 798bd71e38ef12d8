/** What the PDF steps hand each other; a file of its own so that they need not import each other. */
export interface PdfMetadata {
  title: string;
  /** Stands in for "now": derive it from the inputs (e.g. the seed), never from the clock. */
  date: Date;
}

export interface NormalizedPdf {
  pdf: Uint8Array;
  /** Counted while the file is open anyway, so callers need not parse it again. */
  pageCount: number;
}
