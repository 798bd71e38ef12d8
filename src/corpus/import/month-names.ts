/**
 * Dates with the month named in a language chrono-node does not read: Arabic and Armenian. Each table
 * gives every spelling a dateline uses for a month.
 */
import { dayOf, plausibleYear, type TextDate } from './day.js';

/**
 * Arabic month names: the Syriac names used in the Levant and Iraq and the transliterated ones used in
 * Egypt and the Maghreb ("04 آب/اغسطس 2013" gives both).
 */
const ARABIC_MONTHS: [number, string[]][] = [
  [1, ['كانون الثاني', 'يناير']],
  [2, ['شباط', 'فبراير']],
  [3, ['آذار', 'مارس']],
  [4, ['نيسان', 'أبريل', 'ابريل']],
  [5, ['أيار', 'ايار', 'مايو']],
  [6, ['حزيران', 'يونيو', 'يونيه']],
  [7, ['تموز', 'يوليو', 'يوليه']],
  [8, ['آب', 'أغسطس', 'اغسطس']],
  [9, ['أيلول', 'ايلول', 'سبتمبر']],
  [10, ['تشرين الأول', 'تشرين الاول', 'أكتوبر', 'اكتوبر']],
  [11, ['تشرين الثاني', 'نوفمبر']],
  [12, ['كانون الأول', 'كانون الاول', 'ديسمبر']],
];

/**
 * Armenian month names, as a dateline prints them after the day ("18 հունվարի 2018", the genitive) or
 * alone (the nominative).
 */
const ARMENIAN_MONTHS: [number, string[]][] = [
  [1, ['հունվարի', 'հունվար']],
  [2, ['փետրվարի', 'փետրվար']],
  [3, ['մարտի', 'մարտ']],
  [4, ['ապրիլի', 'ապրիլ']],
  [5, ['մայիսի', 'մայիս']],
  [6, ['հունիսի', 'հունիս']],
  [7, ['հուլիսի', 'հուլիս']],
  [8, ['օգոստոսի', 'օգոստոս']],
  [9, ['սեպտեմբերի', 'սեպտեմբեր']],
  [10, ['հոկտեմբերի', 'հոկտեմբեր']],
  [11, ['նոյեմբերի', 'նոյեմբեր']],
  [12, ['դեկտեմբերի', 'դեկտեմբեր']],
];

/** A date in Arabic or Armenian script, if the text has one. */
export function namedMonthDate(text: string): TextDate | undefined {
  if (/[\u0600-\u06ff]/.test(text)) {
    const arabic = dayMonthYear(text, ARABIC_MONTHS);
    if (arabic) return arabic;
  }
  if (/[\u0531-\u0587]/.test(text)) return dayMonthYear(text, ARMENIAN_MONTHS);
  return undefined;
}

/** "04 آب/اغسطس 2013", "18 հունվարի 2018": a day, a month named in one of the tables, a year. */
function dayMonthYear(text: string, months: [number, string[]][]): TextDate | undefined {
  const digits = text.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660));
  const names = months.flatMap(([, n]) => n).join('|');
  const match = new RegExp(`(\\d{1,2})\\s+(${names})(?:\\s*/\\s*(?:${names}))?\\s+(\\d{4})`).exec(
    digits,
  );
  if (!match) return undefined;
  const month = months.find(([, n]) => n.includes(match[2]!))![0];
  const year = Number(match[3]);
  const date = plausibleYear(year) ? dayOf(year, month, Number(match[1])) : undefined;
  return date ? { date, text: match[0] } : undefined;
}
