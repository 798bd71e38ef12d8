/**
 * Loads questions/reference/*.yaml (people, terms, events) and checks it
 * like the bank: refs exist, evidence is verbatim, every problem located.
 */
import { readFile } from 'node:fs/promises';
import type { Corpus } from '../corpus/article.js';
import { formatPartialDate } from '../corpus/article.js';
import { findQuote, parseRef, quoteInPassages, refProblem } from '../corpus/quote.js';
import type { PassageRef } from '../corpus/article.js';
import { compareStrings, type ProblemList } from '../errors.js';
import { listFiles } from '../util/files.js';
import { didYouMean, shorten } from '../util/text.js';
import type { YamlPath } from '../util/yaml-source.js';
import { readYaml, type YamlDocument } from '../util/yaml-fast.js';
import { validateWith } from '../util/schema-check.js';
import { findMentions, unionRefs } from './mentions.js';
import { ReferenceFileSchema, type ReferenceFileInput } from './schema.js';
import type { Person, Reference, Term, TimelineEvent } from './reference.js';

const list = <T>(value: T | T[] | undefined | null): T[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];

export async function loadReference(
  referenceDir: string,
  corpus: Corpus,
  problems: ProblemList,
): Promise<Reference> {
  const files = await listFiles(referenceDir, ['.yaml', '.yml']);
  const reference: Reference = { people: [], terms: [], events: [], files };
  for (const file of files) {
    const source = readYaml(file, await readFile(file, 'utf8'), problems);
    if (!source) continue;
    const valid = validateWith(ReferenceFileSchema, source.toJS() ?? {}, source, [], problems, {
      what: 'reference file',
    });
    if (valid === undefined) continue;
    readReferenceFile(valid as ReferenceFileInput, source, corpus, problems, reference);
  }
  reference.events.sort((a, b) => compareStrings(a.date, b.date) || compareStrings(a.id, b.id));
  return reference;
}

function readReferenceFile(
  data: ReferenceFileInput,
  source: YamlDocument,
  corpus: Corpus,
  problems: ProblemList,
  into: Reference,
): void {
  const check = new Checker(source, corpus, problems);
  const ids = {
    people: new Set(into.people.map((p) => p.id)),
    terms: new Set(into.terms.map((t) => t.id)),
    events: new Set(into.events.map((e) => e.id)),
  };
  (data.people ?? []).forEach((input, i) => {
    const at: YamlPath = ['people', i];
    check.unique(ids.people, input.id, at, 'person');
    const roles = input.roles.map((role, r) => {
      const written = list(role.passages);
      const passages = check.refs(
        written,
        [...at, 'roles', r, 'passages'],
        `the role "${role.role}" of ${input.name}`,
      );
      const evidence = list(role.evidence);
      // Evidence is only checked against passages that all exist: one problem at a time.
      if (passages.length === written.length)
        check.evidence(
          evidence,
          passages,
          [...at, 'roles', r, 'evidence'],
          `the role "${role.role}" of ${input.name}`,
        );
      const dates = [
        ...new Set(
          passages
            .map((p) => corpus.byId.get(p.article)?.published)
            .filter((d): d is string => d !== undefined),
        ),
      ].sort(compareStrings);
      return { role: role.role, passages, evidence, dates: dates.map(formatPartialDate) };
    });
    const match = input.match ?? [input.name.split(/\s+/).pop() ?? input.name];
    const also = check.refs(list(input.also), [...at, 'also'], input.name);
    const quoted = check.refs(list(input.quoted), [...at, 'quoted'], input.name);
    const found = findMentions(match, corpus);
    const mentions = unionRefs(found, also, ...roles.map((r) => r.passages));
    if (found.length === 0 && also.length === 0)
      check.warn(
        at,
        'never-mentioned',
        `${input.name}: no paragraph contains ${match.map((m) => `"${m}"`).join(' or ')}; fix "match" or list the passages in "also"`,
      );
    for (const q of quoted) {
      if (!mentions.some((m) => m.ref === q.ref))
        check.warn(
          [...at, 'quoted'],
          'quoted-not-mentioned',
          `${input.name} is listed as quoted in ${q.ref}, but that paragraph does not name them; add it to "also" if it refers to them`,
        );
    }
    const person: Person = {
      id: input.id,
      name: input.name,
      ...(input.country ? { country: input.country } : {}),
      match,
      roles,
      mentions,
      also,
      quoted,
      ...(input.note ? { note: input.note } : {}),
      ...(input.background ? { background: input.background } : {}),
    };
    into.people.push(person);
  });
  (data.terms ?? []).forEach((input, i) => {
    const at: YamlPath = ['terms', i];
    check.unique(ids.terms, input.id, at, 'term');
    const aka = input.aka ?? [];
    const match = input.match ?? [input.term, ...aka];
    const also = check.refs(list(input.also), [...at, 'also'], `the term "${input.term}"`);
    const mentions = unionRefs(findMentions(match, corpus), also);
    if (mentions.length === 0)
      check.warn(
        at,
        'never-mentioned',
        `the term "${input.term}": no paragraph contains ${match.map((m) => `"${m}"`).join(' or ')}; fix "match" or list the passages in "also"`,
      );
    const evidence = list(input.evidence);
    check.evidence(
      evidence,
      mentions,
      [...at, 'evidence'],
      `the term "${input.term}"`,
      'a paragraph that mentions it',
    );
    const term: Term = {
      id: input.id,
      term: input.term,
      aka,
      ...(input.expansion ? { expansion: input.expansion } : {}),
      kind: input.kind,
      definition: input.definition,
      ...(input.background ? { background: input.background } : {}),
      match,
      mentions,
      also,
      evidence,
    };
    into.terms.push(term);
  });
  (data.events ?? []).forEach((input, i) => {
    const at: YamlPath = ['events', i];
    check.unique(ids.events, input.id, at, 'event');
    const written = list(input.passages);
    const passages = check.refs(written, [...at, 'passages'], `the event "${input.id}"`);
    const evidence = list(input.evidence);
    if (passages.length === written.length)
      check.evidence(evidence, passages, [...at, 'evidence'], `the event "${input.id}"`);
    if (input.end !== undefined && input.end < input.date)
      check.error(
        [...at, 'end'],
        'event-ends-before-start',
        `the event "${input.id}" ends (${input.end}) before it starts (${input.date}); swap them or fix the dates`,
      );
    const event: TimelineEvent = {
      id: input.id,
      date: String(input.date),
      ...(input.end ? { end: input.end } : {}),
      event: input.event,
      passages,
      evidence,
      ...(input.date_basis ? { dateBasis: input.date_basis } : {}),
      ...(input.background ? { background: input.background } : {}),
    };
    into.events.push(event);
  });
}

/** Reference checks that share one file's positions. */
class Checker {
  constructor(
    private readonly source: YamlDocument,
    private readonly corpus: Corpus,
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
