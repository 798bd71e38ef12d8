/**
 * Page furniture: the lines of a news page that are not the article. The
 * rules describe kinds of furniture found across news and blog sites
 * (sharing buttons, bylines, "Read more" links, copyright lines), never one
 * particular article. They judge one line or paragraph at a time, for pasted
 * text and for the paragraphs of a saved HTML page alike.
 */
import { dateInText } from './dates.js';

export interface Verdict {
  /** remove: not article text. footer: this and everything after it goes (pasted text). unsure: kept, but listed for review. */
  action: 'remove' | 'footer' | 'unsure';
  reason: string;
}

const SOCIAL =
  'facebook|twitter|x|linkedin|whatsapp|e-?mail|reddit|pinterest|print|copy link|copy|link|messenger|telegram|flipboard|threads|bluesky|mastodon|sms|comments?';

const RULES: { pattern: RegExp; verdict: Verdict }[] = [
  { pattern: /^(jump|skip) to\b/i, verdict: { action: 'remove', reason: 'site navigation links' } },
  {
    pattern: /^[\p{L} &]{2,30}\s?>\s?[\p{L} &]{2,30}(\s?>\s?[\p{L} &]{2,30})*$/u,
    verdict: { action: 'remove', reason: 'breadcrumb navigation' },
  },
  {
    pattern:
      /^(share|tweet|email|print|save|pin)( (this|the))?( article| story| post| page| link)?( on| via| to| with)?( \p{L}+)?\s*:?$/iu,
    verdict: { action: 'remove', reason: 'sharing buttons' },
  },
  {
    pattern: new RegExp(`^((${SOCIAL})\\s*[|·•,/]?\\s*){2,}$`, 'i'),
    verdict: { action: 'remove', reason: 'sharing buttons' },
  },
  {
    pattern:
      /^(advertisement|advertising|sponsored( content)?|ad|story continues below( advertisement)?|(article|story) continues (below|after (this )?advertisement)|continue reading( below| the main story)?|scroll to continue( with content)?)$/i,
    verdict: { action: 'remove', reason: 'advertisement label' },
  },
  {
    pattern: /^(\d+\s+comments?|comments?\s*\(\d+\)|view comments|show comments)$/i,
    verdict: { action: 'remove', reason: 'comment counter' },
  },
  { pattern: /logo$/i, verdict: { action: 'remove', reason: 'site logo text' } },
  {
    pattern:
      /^(read more|read also|also read|more|more (from|on|about|in) [^:|»>]{1,60}|related|see also|watch|listen|recommended|opinion|[àa] lire aussi|lire aussi|voir aussi|lea también|lee también|leer más|ver también|lesen sie auch|mehr zum thema|leia também|veja também|leggi anche)\s*[:|»>]\s*\S.{0,150}$/iu,
    verdict: { action: 'remove', reason: '"Read more" link to another article' },
  },
  {
    pattern:
      /^(subscribe|sign up|follow us|get (our|the) .{0,40}newsletter|join (our|the) .{0,30}(newsletter|mailing list|channel)|download (our|the) .{0,20}app|support (our|independent) journalism|become a (member|subscriber)|click here to|already a subscriber)\b.{0,160}$/i,
    verdict: { action: 'remove', reason: 'subscription or promotion line' },
  },
  {
    // "Get Valley news and alerts FREE to your inbox...", "Enter your email address to set up alerts.": a
    // sign-up box's prompt, addressed to the reader (a sentence that reports on alerts is not).
    pattern:
      /^(?=.*\b(your? (inbox|e-?mail( address)?)|e-?mail alerts?|news alerts?|newsletters?|sign(-| )?up|subscribe)\b)(?=.*(\byour?\b|^(get|enter|sign|subscribe|join|receive)\b))(?!(\S+\s+){25}).*$/i,
    verdict: { action: 'remove', reason: 'subscription or promotion line' },
  },
  {
    // "To hear past episodes, go here: http://…", "Read or share this story: http://…": a line that
    // sends the reader to an address it spells out.
    pattern: /^(?!(\S+\s+){30})(.*(:|\b(at|here|visit|see)))\s*(https?:\/\/|www\.)\S+$/i,
    verdict: { action: 'remove', reason: 'link to another page (its address written out)' },
  },
  {
    // "You can also hear the podcast on iTunes…", "The MP3 version of this podcast plays on any device.":
    // how to listen, download or subscribe to the audio, addressed to the reader; not what the piece says.
    pattern:
      /^(?!(\S+\s+){80})(?=.*\b(podcasts?|episodes?|audio|show|version|recording)\b)(?=.*\b(itunes|soundcloud|spotify|stitcher|rss|mp3|m4a|podcatcher|apple podcasts|google podcasts)\b)(?=.*(\byou(r)?\b|^(to )?(listen|hear|subscribe|download)\b|\b(version|format) of (this|the|our)\b)).*$/i,
    verdict: { action: 'remove', reason: 'how to listen or subscribe (players and audio formats)' },
  },
  {
    pattern: /^(copyright\s*)?(©|\(c\)|copyright)\s*\d{4}\b.{0,120}$|^all rights reserved\.?$/i,
    verdict: { action: 'footer', reason: 'copyright footer' },
  },
  {
    pattern:
      /^(related|(related|more|other|latest|top|recommended|popular|trending) (news|articles|stories|content|coverage|reading|links|posts|topics|videos)( on this( story| topic)?| for you| from .{1,40})?)\s*:?$/i,
    verdict: { action: 'footer', reason: 'related-news list' },
  },
  {
    pattern:
      /^(read more|also read|see also|further reading|you may also like|you might also like|most (read|popular|viewed)|what to read next|more from .{1,40})\s*:?$/i,
    verdict: { action: 'footer', reason: 'further-reading list' },
  },
  {
    pattern: /^go to forum\b/i,
    verdict: { action: 'footer', reason: 'forum link and comment counter' },
  },
  {
    pattern:
      /^(leave a |post a |add a |show )?comments?\b.{0,20}$|^join the (conversation|discussion)\b/i,
    verdict: { action: 'footer', reason: 'comments section' },
  },
  {
    // "The Associated Press contributed to this report.", "Con información de ...": about the text, not of it.
    pattern:
      /^.{2,240}\bcontributed (reporting|to (this|the) (report|story|article))( from [^.!?]{1,60})?\.?$|^(con (la )?información de|con reportes de|avec (l'|la )?(rédaction|agences?)|mit material von)\b.{0,200}$/iu,
    verdict: { action: 'remove', reason: 'contributor note' },
  },
  {
    // "The game was reviewed using code provided by its publisher.": a review's disclosure of how the
    // reviewer got the product, printed under every review; not part of the review.
    pattern:
      /^(?!(\S+\s+){45}).{2,120}\b(was|were) (reviewed|tested) (using|on|with)\b.{0,80}\b(provided|supplied|loaned|lent) by\b/i,
    verdict: { action: 'remove', reason: 'review disclosure (how the reviewer got the product)' },
  },
  {
    pattern: /^note to (our )?readers\b/i,
    verdict: { action: 'footer', reason: 'site notice and footer' },
  },
];

const NAME = "\\p{Lu}[\\p{L}.'’-]*";
const PARTICLE = '(?:van|von|de|der|den|da|di|du|la|le|bin|al|el|dos|del|y)';
const NAMES = `${NAME}(?:\\s+(?:${NAME}|${PARTICLE}))*`;
/** "By Jane Doe", "By JANE DOE and Tom Becker, Reuters", "Written by Jane Doe | Staff writer". */
const BYLINE = new RegExp(
  `^(?:(?:written|posted|reported|words|story|text) )?by:?\\s+(${NAMES}(?:\\s*(?:,|and|&)\\s*${NAMES})*)(?:\\s*(?:[,|–—·]|\\s-\\s|\\bin\\b)\\s*.{0,80})?$`,
  'u',
);

export function bylineAuthor(text: string): string | undefined {
  const words = text.split(/\s+/).length;
  // "By Friday, the talks had collapsed." is a sentence, not a byline.
  if (words > 16 || (words > 5 && /[.!?]$/.test(text))) return undefined;
  const match = BYLINE.exec(text.replace(/^by\b/i, 'by'));
  return match ? match[1]!.trim() : undefined;
}

/**
 * A line that is only a date, perhaps with a label and a time: "February 3,
 * 2021 4:12 PM UTC", "Updated: 2021-02-03 09:29", "Published 3 Feb 2021".
 */
export function dateOnlyLine(text: string, lang?: string): string | undefined {
  if (text.split(/\s+/).length > 14) return undefined;
  const found = dateInText(text, lang);
  if (!found) return undefined;
  const rest = text
    .replace(found.text, ' ')
    .replace(
      /\b(updated|published|posted|first published|last (updated|modified)|modified|on|at|date|time|am|pm|a\.m\.|p\.m\.|utc|gmt|[a-z]{1,2}[sd]t|cet|cest|bst|ist|jst|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b/gi,
      ' ',
    )
    .replace(/[\d:.,|/()–—-]/g, ' ')
    .trim();
  return rest === '' ? found.date : undefined;
}

export function furniture(text: string): Verdict | undefined {
  const rule = RULES.find((r) => r.pattern.test(text));
  if (rule) return rule.verdict;
  if (contactLine(text)) return { action: 'remove', reason: 'contact line (an e-mail address)' };
  if (bylineAuthor(text)) return { action: 'remove', reason: 'byline' };
  if (dateOnlyLine(text)) return { action: 'remove', reason: 'date line' };
  return doubtful(text);
}

/**
 * "Jemele Hill can be reached at jh@example.com.", "Jane Doe, reporter jd@example.com": a short line
 * that gives an e-mail address tells the reader how to reach the writer; it is not reporting.
 */
function contactLine(text: string): boolean {
  return text.split(/\s+/).length <= 15 && /[\w.+-]+@[\w-]+(\.[\w-]+)+/.test(text);
}

/**
 * Photo credits ("REUTERS/Jane Doe", "AP Photo/...", "Getty Images"; "Getty Images" may run into
 * the caption when the page sets the credit and caption in adjacent elements).
 */
const PHOTO_CREDIT =
  /\b(REUTERS\/|AP Photo\b|AFP( via Getty Images)?\b|Getty Images|EPA-EFE\b|Photo( credit)?:|Photograph:|Image( credit)?:|Credit:|Photo by\b|Picture:|Foto:|\(Photo\b|Shutterstock\b)/;

/** Lines kept as article text but listed for review, or removed when unmistakable. */
function doubtful(text: string): Verdict | undefined {
  const words = text.split(/\s+/).length;
  if (
    (words <= 25 &&
      /\b(images?|photos?|photographs?|photography|pictures?|illustrations?|video)\s+(by|courtesy of|via)\b|^(see|view) (more|all) (photos|images|pictures)\b/i.test(
        text,
      )) ||
    // "Courtesy G4", "(Jane Doe Photography)"
    (words <= 6 &&
      /^\(?(photo |image )?courtesy\b|^\([^()]*\b(photography|photos?|images)\)$/i.test(text))
  ) {
    return { action: 'remove', reason: 'photo credit' };
  }
  // "Jane Doe/Agency The minister arrives...": a photographer/agency credit opens the caption.
  const agencyCredit = /^\p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]+){0,3} ?\/ ?\p{Lu}/u.test(text);
  if ((PHOTO_CREDIT.test(text) || agencyCredit) && words <= 60) {
    return words <= 6
      ? { action: 'remove', reason: 'photo credit' }
      : { action: 'remove', reason: 'photo caption (it carries a photo credit)' };
  }
  if (
    /\((left|right|center|centre|top|bottom|pictured|file)\)|^(photo|file photo|pictured)\b/i.test(
      text,
    )
  ) {
    return {
      action: 'unsure',
      reason: 'looks like a photo caption; kept as article text, delete it if it is not',
    };
  }
  if (
    /^(with )?(additional )?reporting by\b|^(compiled|written|edited|editing) by\b|^\(?reporting by\b.*editing by\b/i.test(
      text,
    )
  ) {
    return {
      action: 'unsure',
      reason: 'is a credit line; kept as article text, delete it if it is not',
    };
  }
  return undefined;
}

/**
 * Article text: a sentence of some length that ends like one, in the punctuation of its script
 * (Chinese and Japanese end sentences with 。！？ and close quotes with 」』）; French, German and Swiss
 * writers close quotes with » « “ ›). A blogger's smiley after the full stop ("Nun gut… 😀") still ends
 * a sentence.
 */
export function looksLikeProse(text: string): boolean {
  const end = text.replace(
    /(?:\s|\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u{FE0F}|\u{200D})+$/u,
    '',
  );
  return wordCount(text) >= 8 && /[.!?:;"'”’“»«›‹)\]…。！？：；」』）]$/u.test(end);
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/**
 * Words in a text. Chinese and Japanese are written without spaces between words: each character
 * counts as one, as extraction benchmarks and search engines count them, or a whole paragraph would be
 * one word.
 */
export function wordCount(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  const spaced = text.replace(CJK, ' ').trim();
  return cjk + (spaced ? spaced.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length : 0);
}

/** "MOSCOW - Russia pledged..." → "Moscow". */
export function dateline(text: string): string | undefined {
  const match = /^([A-Z][A-Z .'’-]{2,30}?)(?:,\s*[A-Za-z .]+)?\s*(?:\([^)]*\))?\s+[-–—]+\s+/.exec(
    text,
  );
  if (!match) return undefined;
  return match[1]!
    .trim()
    .toLowerCase()
    .replace(/(^|[\s-])\p{L}/gu, (s) => s.toUpperCase());
}
