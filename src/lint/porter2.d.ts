/** The Porter2 (Snowball English) stemmer; the package ships no types. */
declare module 'wink-porter2-stemmer' {
  /** The stem of one lower-case word. */
  export default function stem(word: string): string;
}
