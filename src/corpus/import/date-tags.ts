/** The names of the meta tags that carry a publication date, by how far each is trusted. */

/**
 * Date tags written for other programs (a mailing list's "sailthru.date", a search engine's "date",
 * Dublin Core's), most common first: sometimes the time in another zone or of a later edit, so they
 * come after the publisher's declared date and the article's marked <time>.
 */
export const GENERIC_DATE_TAGS = [
  'date',
  'pubdate',
  'publishdate',
  'publish-date',
  'article.published',
  'sailthru.date',
  'parsely-pub-date',
] as const;

/**
 * Dublin Core's and the citation tags: read after Parse.ly's own JSON tag, which a publisher fills for
 * the article itself, where these are often the catalogue record's.
 */
export const LATE_GENERIC_DATE_TAGS = [
  'dc.date.issued',
  'dc.date',
  'dcterms.date',
  'citation_publication_date',
] as const;

/**
 * Date tags some publishing systems write under names of their own, read after the date the page shows,
 * as they are sometimes the time of a later edit or re-publication.
 */
export const OTHER_DATE_TAGS = [
  'publish_date',
  'publication_date',
  'date_published',
  'og:published_time',
  'article:published',
  'originalpublicationdate',
  'original-publish-date',
  'dc.date.created',
  'dcterms.created',
  'dcterms.issued',
  'displaydate',
  'rnews:datepublished',
  'citation_date',
] as const;

/**
 * Any other tag whose name says it is the first publication ("article_date_original",
 * "content-publish-date", "firstpublishedtime"), and never one of a later edit or an expiry.
 */
export function namesFirstPublication(tag: string): boolean {
  return (
    /(date|time).*(publish|original|creat|issued|posted)|(publish|original|creat|issued|posted).*(date|time)/.test(
      tag,
    ) && !/modif|updat|expir|edit|review/.test(tag)
  );
}
