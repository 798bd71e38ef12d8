/**
 * The checks people, terms and events share: ids unique across every
 * reference file, refs that resolve, evidence quoted verbatim, each problem
 * placed at the line of the reference file that has to change.
 */
import type { Corpus, PassageRef } from '../corpus/article.js';
import { findQuote, parseRef, quoteInPassages, refProblem } from '../corpus/quote.js';
import type { ProblemList } from '../errors.js';
import { didYouMean, shorten } from '../util/text.js';
import type { YamlDocument } from '../util/yaml-fast.js';
import type { YamlPath } from '../util/yaml-source.js';

/** A field written as one value or as a list, as a list. */
export const list = <T>(value: T | T[] | undefined | null): T[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];

/** Ids seen so far, across files: a person, term or event id may be used once in a project. */
export interface SeenIds {
  people: Set<string>;
  terms: Set<string>;
  events: Set<string>;
}

export const noIdsSeen = (): SeenIds => ({
  people: new Set(),
  terms: new Set(),
  events: new Set(),
});

/** Reference checks that share one file's positions. */
export class ReferenceChecker {
  constructor(
    private readonly source: YamlDocument,
    readonly corpus: Corpus,
    private readonly problems: ProblemList,
  ) {}

  error(path: YamlPath, code: string, message: string): void {
    this.problems.error(this.source.locate(path), code, message);
  }

  warn(path: YamlPath, code: string, message: string): void {
    this.problems.warning(this.source.locate(path), code, message);
  }

  unique(seen: Set<string>, id: string, at: YamlPath, what: string): void {
    if (seen.has(id))
      this.error(
        [...at, 'id'],
        'duplicate-id',
        `the ${what} id "${id}" is used twice; give each ${what} its own id`,
      );
    seen.add(id);
  }

  /** Parses refs; reports and drops those that do not resolve. */
  refs(values: string[], at: YamlPath, owner: string): PassageRef[] {
    return values.flatMap((value, i) => {
      const ref = parseRef(value);
      const problem = refProblem(ref, this.corpus, didYouMean);
      if (problem) {
        this.error(
          values.length > 1 ? [...at, i] : at,
          problem.code,
          `${owner} ${problem.message}`,
        );
        return [];
      }
      return [ref];
    });
  }

  evidence(
    quotes: string[],
    refs: PassageRef[],
    at: YamlPath,
    owner: string,
    where = refs.map((r) => r.ref).join(', '),
  ): void {
    quotes.forEach((quote, i) => {
      if (quoteInPassages(quote, refs, this.corpus)) return;
      const elsewhere = findQuote(quote, this.corpus);
      this.error(
        quotes.length > 1 ? [...at, i] : at,
        'evidence-not-found',
        `the evidence for ${owner} ("${shorten(quote)}") is not in ${where || 'its passages'}; ${elsewhere ? `it is in ${elsewhere}: cite that passage` : 'copy the words exactly from the article'}`,
      );
    });
  }
}
