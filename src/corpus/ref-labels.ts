/**
 * Authors name passages inside prose as ARTICLE-ID#pN (e.g. in essay
 * guidance). On paper that is replaced by a label a student can follow.
 */
const REF_IN_TEXT = /\b([a-z0-9]+(?:-[a-z0-9]+)*)#p([1-9][0-9]*)\b/g;

export function relabelRefs(
  text: string,
  label: (article: string, paragraph: number) => string | undefined,
): string {
  return text.replace(
    REF_IN_TEXT,
    (whole, article: string, paragraph: string) => label(article, Number(paragraph)) ?? whole,
  );
}
