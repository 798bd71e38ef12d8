/**
 * Parse.ly's `parsely-page` meta tag: a JSON object with the article's title
 * and first publication time ("pub_date"), written by the analytics plugins
 * of many publishing systems (WordPress, Drupal and others) for programs
 * to read. It is one more declared title and date, read like the others.
 */
export interface ParselyPage {
  title?: string | undefined;
  published?: string | undefined;
}

export function parselyPage(content: string | undefined): ParselyPage {
  if (!content) return {};
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    // Broken JSON is the publisher's bug: the page's other tags still date and name it.
    return {};
  }
  if (!data || typeof data !== 'object') return {};
  const { title, pub_date: published } = data as Record<string, unknown>;
  return {
    title: typeof title === 'string' ? title : undefined,
    published: typeof published === 'string' ? published : undefined,
  };
}
