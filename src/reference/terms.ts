/**
 * The glossary: each term's definition backed by verbatim evidence from a
 * paragraph that mentions it, and every paragraph where it occurs.
 */
import type { YamlPath } from '../util/yaml-source.js';
import { list, type ReferenceChecker } from './checker.js';
import { findMentions, unionRefs } from './mentions.js';
import type { Term } from './reference.js';
import type { TermInput } from './schema.js';

/** `terms:` of one reference file; `seen` holds the term ids of the files read before. */
export function readTerms(
  inputs: readonly TermInput[],
  check: ReferenceChecker,
  seen: Set<string>,
): Term[] {
  return inputs.map((input, i) => readTerm(input, ['terms', i], check, seen));
}

function readTerm(
  input: TermInput,
  at: YamlPath,
  check: ReferenceChecker,
  seen: Set<string>,
): Term {
  check.unique(seen, input.id, at, 'term');
  const owner = `the term "${input.term}"`;
  const aka = input.aka ?? [];
  const match = input.match ?? [input.term, ...aka];
  const also = check.refs(list(input.also), [...at, 'also'], owner);
  const mentions = unionRefs(findMentions(match, check.corpus), also);
  if (mentions.length === 0)
    check.warn(
      at,
      'never-mentioned',
      `${owner}: no paragraph contains ${match.map((m) => `"${m}"`).join(' or ')}; fix "match" or list the passages in "also"`,
    );
  const evidence = list(input.evidence);
  // A term has no passages of its own: its evidence may come from any paragraph that mentions it.
  check.evidence(evidence, mentions, [...at, 'evidence'], owner, 'a paragraph that mentions it');
  return {
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
}
