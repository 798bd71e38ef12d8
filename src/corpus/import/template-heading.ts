/**
 * A heading the page's scripts fill in, saved before they ran: a site search's "Results for "…"" over
 * an empty pair of quotes, where the words searched for would go. Its words label a result that is not
 * there; it is never the story's headline, also where it is the page's first <h1> and no title tag
 * says which heading is the story's.
 *
 * The quotes open after a space (or at the start) and close before a space, a stop or the end, with
 * nothing but spaces between them: so a headline that quotes words ("Board says "yes" to …") or sets
 * two quotations side by side ("Yes" "No") is not one.
 */
const EMPTY_QUOTES = /(?:^|\s)["“„«]\s*["”“»](?=$|[\s.:!?])/;

export function unfilledTemplate(heading: Element): boolean {
  // The pattern reads the text as it is (its \s takes line breaks too): no copy of a long heading's text.
  return EMPTY_QUOTES.test(heading.textContent ?? '');
}
