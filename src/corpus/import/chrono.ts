/**
 * chrono-node, the date parser for dates written out in prose, one language at a time. It is loaded
 * only when a date has to be read from prose, and only for the page's language: most pages declare
 * their date in structured data, and loading every language costs a fifth of a second at start-up.
 */
import { createRequire } from 'node:module';

/** The languages chrono-node reads; a page in another language is read as English. */
export const CHRONO_LANGUAGES = [
  'de',
  'en',
  'es',
  'fi',
  'fr',
  'id',
  'it',
  'ja',
  'nl',
  'pt',
  'ru',
  'sv',
  'uk',
  'vi',
  'zh',
] as const;

export interface ChronoStart {
  isCertain(component: string): boolean;
  get(component: string): number | null;
}
export interface Chrono {
  parse(text: string): { text: string; start: ChronoStart }[];
}

const loaded = new Map<string, Chrono>();
const require = createRequire(import.meta.url);

/** The parser of the page's language ("de-AT" reads as German), English where chrono has none. */
export function chronoFor(lang: string | undefined): Chrono {
  const code = lang?.slice(0, 2).toLowerCase() ?? 'en';
  const locale = (CHRONO_LANGUAGES as readonly string[]).includes(code) ? code : 'en';
  let chrono = loaded.get(locale);
  if (!chrono) {
    chrono = require(`chrono-node/${locale}`) as Chrono;
    loaded.set(locale, chrono);
  }
  return chrono;
}

/** Whether chrono is sure of the year, the month and the day, not just guessing some of them. */
export function certainDay(start: ChronoStart): boolean {
  return ['year', 'month', 'day'].every((c) => start.isCertain(c));
}
