/** How a passage is cited in keys, handouts and exports: title, outlet, date, ¶N. */
import { formatPartialDate, type Corpus, type PassageRef } from './article.js';

export interface Citation {
  ref: string;
  articleId: string;
  title: string;
  outlet: string;
  /** Formatted with its own precision: "23 Apr 2013", "Apr 2012", "2011". */
  date: string;
  paragraph: number;
  /** The paragraph's verbatim text. */
  text: string;
}

export function citation(ref: PassageRef, corpus: Corpus): Citation {
  const article = corpus.byId.get(ref.article);
  if (!article)
    throw new Error(`unresolved passage ${ref.ref}: content must be checked before rendering`);
  return {
    ref: ref.ref,
    articleId: article.id,
    title: article.title,
    outlet: article.outlet,
    date: formatPartialDate(article.published),
    paragraph: ref.paragraph,
    text: article.paragraphs[ref.paragraph - 1]?.text ?? '',
  };
}

/**
 * One line per article: "Title," Outlet, 23 Apr 2013, ¶2, ¶5. Paragraphs of
 * the same article are grouped so a key stays short.
 */
export function citationLines(refs: PassageRef[], corpus: Corpus): string[] {
  const byArticle = new Map<string, Citation[]>();
  for (const ref of refs) {
    const c = citation(ref, corpus);
    byArticle.set(c.articleId, [...(byArticle.get(c.articleId) ?? []), c]);
  }
  return [...byArticle.values()].map((cs) => {
    const first = cs[0]!;
    const paragraphs = cs.map((c) => `¶${c.paragraph}`).join(', ');
    return `“${first.title},” ${first.outlet}, ${first.date}, ${paragraphs}`;
  });
}
