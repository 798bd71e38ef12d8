/** What the rest of handout knows about an article once it is loaded. */

export interface Paragraph {
  /** 1-based passage number: the N in ARTICLE-ID#pN. */
  number: number;
  /** The paragraph's text, verbatim, with line breaks folded to spaces. */
  text: string;
  /** Line in the corpus file where the paragraph starts. */
  line: number;
}

/** A pointer to one paragraph of one article: what every question and reference entry cites. */
export interface PassageRef {
  article: string;
  /** 1-based paragraph number. */
  paragraph: number;
  /** The ref as written: ARTICLE-ID#pN. */
  ref: string;
}

export interface Article {
  id: string;
  title: string;
  outlet: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  published: string;
  dateline?: string;
  sourceFile?: string;
  summary: string;
  tags: string[];
  paragraphs: Paragraph[];
  /** Absolute path of the corpus file. */
  file: string;
}

export interface Corpus {
  /** Sorted by id, so that nothing depends on file-system order. */
  articles: Article[];
  byId: Map<string, Article>;
}

export function paragraph(article: Article, number: number): Paragraph | undefined {
  return article.paragraphs[number - 1];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "23 Apr 2013", "Apr 2012" or "2011": the date with exactly its precision. */
export function formatPartialDate(date: string): string {
  const [year, month, day] = date.split('-');
  if (month === undefined) return year ?? date;
  const name = MONTHS[Number(month) - 1] ?? month;
  return day === undefined ? `${name} ${year}` : `${Number(day)} ${name} ${year}`;
}
