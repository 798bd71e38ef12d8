/**
 * Every page `handout build` would write, by its path under out/, drawn
 * but not rendered, and the same documents grouped for the index page.
 * A page is rendered only when a browser asks for it.
 */
import type { Content } from '../content.js';
import { buildParts } from '../produce/build-parts.js';
import { briefingDocuments } from '../produce/briefing-plan.js';
import { pdfPath, type LazyDocument } from '../produce/plan.js';
import { quizDocuments } from '../produce/quiz-plan.js';

export interface DocumentLink {
  /** How the document is named on the index: "Version A", "Ana Pérez (s001)", "Student edition". */
  label: string;
  html: string;
  pdf: string;
}

export interface QuizListing {
  id: string;
  title: string;
  seed: number;
  /** Each version with its key. */
  versions: { copy: DocumentLink; key: DocumentLink }[];
  roster?: { name: string; students: { copy: DocumentLink; key: DocumentLink }[] };
}

export interface BriefingListing {
  id: string;
  title: string;
  editions: DocumentLink[];
  openBook: DocumentLink[];
}

export interface Catalog {
  /** Path under out/ (".html") → the document. */
  documents: Map<string, LazyDocument>;
  quizzes: QuizListing[];
  briefings: BriefingListing[];
}

export async function catalogOf(content: Content): Promise<Catalog> {
  const parts = await buildParts(content, ['html', 'pdf']);
  const documents = new Map<string, LazyDocument>();
  const add = (docs: LazyDocument[]): LazyDocument[] => {
    for (const doc of docs) documents.set(doc.path, doc);
    return docs;
  };
  const quizzes = parts.quizzes.map(({ blueprint, options }): QuizListing => {
    const docs = add(quizDocuments(content, blueprint, options).documents);
    // Documents come as (copy, key) pairs: versions first, then the roster's students.
    const pairs = [];
    for (let i = 0; i + 1 < docs.length; i += 2) {
      pairs.push({ copy: link(docs[i]!), key: link(docs[i + 1]!, docs[i]!) });
    }
    const isStudent = (pair: { copy: DocumentLink }): boolean =>
      pair.copy.html.includes('/copies/');
    return {
      id: blueprint.id,
      title: blueprint.title,
      seed: options.seed,
      versions: pairs.filter((pair) => !isStudent(pair)),
      ...(options.roster
        ? { roster: { name: options.roster.name, students: pairs.filter(isStudent) } }
        : {}),
    };
  });
  const briefings = parts.briefings.map(({ config, options }): BriefingListing => {
    const docs = add(briefingDocuments(content, config, options).documents);
    return {
      id: config.id,
      title: config.title,
      editions: docs.filter((doc) => doc.kind.startsWith('briefing')).map((doc) => link(doc)),
      openBook: docs.filter((doc) => doc.kind === 'open-book pack').map((doc) => link(doc)),
    };
  });
  return { documents, quizzes, briefings };
}

/**
 * A document's name on the index: the part of its title after the last
 * dash ("Unit quiz — Version A" → "Version A"); a key takes its copy's name.
 */
function link(doc: LazyDocument, copy?: LazyDocument): DocumentLink {
  const title = (copy ?? doc).title;
  const label = copy ? 'Answer key' : title.slice(title.lastIndexOf(' — ') + 3);
  return { label, html: doc.path, pdf: pdfPath(doc.path) };
}
