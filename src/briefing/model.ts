/**
 * What a briefing says, restricted to the chosen articles: nothing from an
 * article outside the selection reaches the page (timeline, who's who,
 * glossary and discussion questions are all filtered by passage).
 */
import type { Article, Corpus, PassageRef } from '../corpus/article.js';
import { formatPartialDate } from '../corpus/article.js';
import type { Bank } from '../bank/load.js';
import type { EssayQuestion } from '../bank/question.js';
import type { Reference, Term } from '../reference/reference.js';
import { compareStrings } from '../errors.js';
import { wordCount } from '../util/text.js';
import { relabelRefs } from '../corpus/ref-labels.js';
import type { BriefingConfig, Edition } from './config.js';

export interface PassageLink {
  ref: string;
  /** "¶4". */
  label: string;
  anchor: string;
}

/** Passages of one article, printed together: "Art. 2 ¶4, ¶7". */
export interface PassageGroup {
  /** The article's id, and its label in this briefing ("Art. 2"). */
  id: string;
  article: string;
  links: PassageLink[];
}

export interface BriefingArticle {
  number: number;
  id: string;
  title: string;
  outlet: string;
  date: string;
  dateline?: string;
  summary: string;
  citation: string;
  keyPassages: { number: number; text: string; context?: string; ref: string; anchor: string }[];
}

export interface BriefingModel {
  id: string;
  title: string;
  subtitle?: string;
  edition: Edition;
  period: string;
  wordCount: number;
  readingMinutes: number;
  overview?: string;
  articles: BriefingArticle[];
  timeline: {
    date: string;
    event: string;
    basis?: string;
    background?: string;
    refs: PassageGroup[];
  }[];
  people: {
    name: string;
    country?: string;
    roles: { role: string; dates: string }[];
    note?: string;
    background?: string;
    appears: PassageGroup[];
    quoted: PassageGroup[];
  }[];
  glossary: (Omit<Term, 'id' | 'match' | 'mentions' | 'also' | 'evidence'> & {
    mentions: PassageGroup[];
  })[];
  discussion: { id: string; prompt: string; passages: PassageGroup[]; guidance?: string[] }[];
  lessonNotes?: string;
}

/** Articles in reading order: oldest first, then by id. */
export function selectArticles(corpus: Corpus, ids?: string[], tags?: string[]): Article[] {
  return corpus.articles
    .filter((a) => (!ids || ids.includes(a.id)) && (!tags || a.tags.some((t) => tags.includes(t))))
    .sort((a, b) => compareStrings(a.published, b.published) || compareStrings(a.id, b.id));
}

/** How many paragraphs of the bank cite each passage, most cited first: the default key passages. */
function mostCited(bank: Bank, article: Article, count: number): number[] {
  const cites = new Map<number, number>();
  for (const q of bank.questions)
    for (const p of q.passages)
      if (p.article === article.id) cites.set(p.paragraph, (cites.get(p.paragraph) ?? 0) + 1);
  return [...cites]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, count)
    .map(([n]) => n)
    .sort((a, b) => a - b);
}

const READING_WORDS_PER_MINUTE = 180;

export function briefingModel(
  config: BriefingConfig,
  edition: Edition,
  content: { corpus: Corpus; bank: Bank; reference: Reference },
  options: { overview: boolean },
): BriefingModel {
  const { corpus, bank, reference } = content;
  const articles = selectArticles(corpus, config.articles, config.tags);
  const numberOf = new Map(articles.map((a, i) => [a.id, i + 1]));
  const inScope = (ref: PassageRef): boolean => numberOf.has(ref.article);
  const links = (refs: PassageRef[]): PassageGroup[] => groupRefs(refs.filter(inScope), numberOf);

  const briefingArticles: BriefingArticle[] = articles.map((article, i) => {
    const configured = config.keyPassages?.filter((k) => k.ref.article === article.id);
    const chosen =
      configured ??
      mostCited(bank, article, 3).map((n) => ({
        ref: { article: article.id, paragraph: n, ref: `${article.id}#p${n}` },
        context: undefined,
      }));
    return {
      number: i + 1,
      id: article.id,
      title: article.title,
      outlet: article.outlet,
      date: formatPartialDate(article.published),
      ...(article.dateline ? { dateline: article.dateline } : {}),
      summary: article.summary,
      citation: `“${article.title},” ${article.outlet}, ${formatPartialDate(article.published)}.`,
      keyPassages: chosen.map((k) => ({
        number: k.ref.paragraph,
        text: article.paragraphs[k.ref.paragraph - 1]?.text ?? '',
        ...(k.context ? { context: k.context } : {}),
        ref: k.ref.ref,
        anchor: anchorOf(k.ref.ref),
      })),
    };
  });

  const timeline = reference.events
    .filter((e) => e.passages.some(inScope))
    .map((e) => ({
      date: e.end
        ? `${formatPartialDate(e.date)} – ${formatPartialDate(e.end)}`
        : formatPartialDate(e.date),
      event: e.event,
      // How a relative date was worked out is for the teacher.
      ...(e.dateBasis && edition === 'teacher' ? { basis: e.dateBasis } : {}),
      ...(e.background ? { background: e.background } : {}),
      refs: links(e.passages),
    }));

  const people = reference.people
    .filter((p) => p.mentions.some(inScope))
    .map((p) => ({
      name: p.name,
      ...(p.country ? { country: p.country } : {}),
      roles: p.roles
        .filter((r) => r.passages.some(inScope))
        .map((r) => ({ role: r.role, dates: datesOf(r.passages.filter(inScope), corpus) })),
      ...(p.note && p.mentions.every(inScope) ? { note: p.note } : {}),
      ...(p.background ? { background: p.background } : {}),
      appears: links(p.mentions),
      quoted: links(p.quoted),
    }))
    .sort((a, b) => compareStrings(surname(a.name), surname(b.name)));

  // The student edition explains the terms a student meets in what is
  // printed (key passages, overview); the teacher edition has them all.
  const printed = new Set(briefingArticles.flatMap((a) => a.keyPassages.map((k) => k.ref)));
  const overviewText = options.overview ? (config.overview ?? '') : '';
  const meets = (t: Reference['terms'][number]): boolean =>
    t.mentions.some((m) => printed.has(m.ref)) || t.match.some((m) => overviewText.includes(m));
  const glossary = reference.terms
    .filter((t) => t.mentions.some(inScope) && (edition === 'teacher' || meets(t)))
    .map((t) => ({
      term: t.term,
      aka: t.aka,
      ...(t.expansion ? { expansion: t.expansion } : {}),
      kind: t.kind,
      definition: t.definition,
      ...(t.background ? { background: t.background } : {}),
      mentions: links(t.mentions),
    }))
    .sort((a, b) => compareStrings(a.term.toLowerCase(), b.term.toLowerCase()));

  const discussion = bank.questions
    .filter((q): q is EssayQuestion => q.type === 'essay' && q.passages.every(inScope))
    .map((q) => ({
      id: q.id,
      prompt: q.prompt,
      passages: links(q.passages),
      ...(edition === 'teacher'
        ? {
            guidance: q.guidance.map((g) =>
              relabelRefs(g, (article, n) =>
                numberOf.has(article) ? `Art. ${numberOf.get(article)} ¶${n}` : undefined,
              ),
            ),
          }
        : {}),
    }));

  const overview = options.overview ? config.overview : undefined;
  const words =
    wordCount(overview ?? '') +
    briefingArticles.reduce(
      (n, a) =>
        n +
        wordCount(a.summary) +
        a.keyPassages.reduce((m, k) => m + wordCount(k.text) + wordCount(k.context ?? ''), 0),
      0,
    ) +
    timeline.reduce((n, e) => n + wordCount(e.event), 0) +
    people.reduce((n, p) => n + wordCount(p.note ?? ''), 0) +
    glossary.reduce((n, t) => n + wordCount(t.definition), 0);

  return {
    id: config.id,
    title: config.title,
    ...(config.subtitle ? { subtitle: config.subtitle } : {}),
    edition,
    period: period(articles),
    wordCount: words,
    readingMinutes: Math.max(1, Math.round(words / READING_WORDS_PER_MINUTE)),
    ...(overview ? { overview } : {}),
    articles: briefingArticles,
    timeline,
    people,
    glossary,
    discussion,
    ...(edition === 'teacher' && config.lessonNotes ? { lessonNotes: config.lessonNotes } : {}),
  };
}

export function anchorOf(ref: string): string {
  return ref.replace('#', '-');
}

function surname(name: string): string {
  return name.split(/\s+/).pop() ?? name;
}

function datesOf(refs: PassageRef[], corpus: Corpus): string {
  const dates = [...new Set(refs.map((r) => corpus.byId.get(r.article)?.published ?? ''))]
    .filter(Boolean)
    .sort(compareStrings);
  return dates.map(formatPartialDate).join(', ');
}

function period(articles: Article[]): string {
  const dates = articles.map((a) => a.published).sort(compareStrings);
  const first = dates[0];
  const last = dates[dates.length - 1];
  if (!first || !last) return '';
  const year = (d: string) => d.slice(0, 4);
  return year(first) === year(last)
    ? formatPartialDate(first) === formatPartialDate(last)
      ? formatPartialDate(first)
      : `${formatPartialDate(first)} – ${formatPartialDate(last)}`
    : `${year(first)}–${year(last)}`;
}

/** Groups refs by article, in briefing order, each paragraph once. */
function groupRefs(refs: PassageRef[], numberOf: Map<string, number>): PassageGroup[] {
  const groups = new Map<number, Map<number, PassageLink>>();
  const ids = new Map<number, string>();
  for (const ref of refs) {
    const number = numberOf.get(ref.article)!;
    const group = groups.get(number) ?? new Map<number, PassageLink>();
    group.set(ref.paragraph, {
      ref: ref.ref,
      label: `¶${ref.paragraph}`,
      anchor: anchorOf(ref.ref),
    });
    groups.set(number, group);
    ids.set(number, ref.article);
  }
  return [...groups.keys()]
    .sort((a, b) => a - b)
    .map((number) => ({
      id: ids.get(number)!,
      article: `Art. ${number}`,
      links: [...groups.get(number)!.entries()].sort((a, b) => a[0] - b[0]).map(([, link]) => link),
    }));
}
