/**
 * The who's who: each person's roles (with the dates of the articles that
 * show them), every paragraph that names or refers to them, where they are
 * quoted.
 */
import { formatPartialDate } from '../corpus/article.js';
import { compareStrings } from '../errors.js';
import type { YamlPath } from '../util/yaml-source.js';
import { list, type ReferenceChecker } from './checker.js';
import { findMentions, unionRefs } from './mentions.js';
import type { Person, Role } from './reference.js';
import type { PersonInput } from './schema.js';

type RoleInput = PersonInput['roles'][number];

/** `people:` of one reference file; `seen` holds the person ids of the files read before. */
export function readPeople(
  inputs: readonly PersonInput[],
  check: ReferenceChecker,
  seen: Set<string>,
): Person[] {
  return inputs.map((input, i) => readPerson(input, ['people', i], check, seen));
}

function readPerson(
  input: PersonInput,
  at: YamlPath,
  check: ReferenceChecker,
  seen: Set<string>,
): Person {
  check.unique(seen, input.id, at, 'person');
  const roles = input.roles.map((role, r) =>
    readRole(role, [...at, 'roles', r], `the role "${role.role}" of ${input.name}`, check),
  );
  // By default a person is found by their surname: the articles name them in full only once.
  const match = input.match ?? [input.name.split(/\s+/).pop() ?? input.name];
  const also = check.refs(list(input.also), [...at, 'also'], input.name);
  const quoted = check.refs(list(input.quoted), [...at, 'quoted'], input.name);
  const found = findMentions(match, check.corpus);
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
  return {
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
}

function readRole(input: RoleInput, at: YamlPath, owner: string, check: ReferenceChecker): Role {
  const written = list(input.passages);
  const passages = check.refs(written, [...at, 'passages'], owner);
  const evidence = list(input.evidence);
  // Evidence is only checked against passages that all exist: one problem at a time.
  if (passages.length === written.length)
    check.evidence(evidence, passages, [...at, 'evidence'], owner);
  // A role is dated by the articles that show it, never by a date typed by hand.
  const dates = [
    ...new Set(
      passages
        .map((p) => check.corpus.byId.get(p.article)?.published)
        .filter((d): d is string => d !== undefined),
    ),
  ].sort(compareStrings);
  return { role: input.role, passages, evidence, dates: dates.map(formatPartialDate) };
}
