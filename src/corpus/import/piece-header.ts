/**
 * Some sites call an opinion piece a comment and name its header for it ("<article
 * class="ArticleHeaderComment"><div class="Tagline">…</div><h1>…</h1><div class="PublishDate">…"). A
 * part so named that is, or sits in, the nearest element holding an <h1>, where that element holds
 * nothing readers write (no paragraph, no list of comments, no form to write one), is the story's own
 * header, not the readers' comments under it: its headline and its date are the story's. A comments
 * section's own heading ("<h1>3 Comments</h1>") sits among the comments it heads, which that section
 * holds, so the section is still the readers'.
 */
export function pieceHeader(part: Element): boolean {
  let at: Element | null = part;
  while (at && at.tagName !== 'BODY' && at.tagName !== 'H1' && !at.querySelector('h1'))
    at = at.parentElement;
  return at !== null && at.tagName !== 'BODY' && at.querySelector('p, li, form') === null;
}
