/** The timeline: each event with the passages that report it and verbatim evidence from them. */
import type { YamlPath } from '../util/yaml-source.js';
import { list, type ReferenceChecker } from './checker.js';
import type { TimelineEvent } from './reference.js';
import type { EventInput } from './schema.js';

/**
 * `events:` of one reference file, in the order written (the loader sorts
 * the whole timeline); `seen` holds the event ids of the files read before.
 */
export function readEvents(
  inputs: readonly EventInput[],
  check: ReferenceChecker,
  seen: Set<string>,
): TimelineEvent[] {
  return inputs.map((input, i) => readEvent(input, ['events', i], check, seen));
}

function readEvent(
  input: EventInput,
  at: YamlPath,
  check: ReferenceChecker,
  seen: Set<string>,
): TimelineEvent {
  check.unique(seen, input.id, at, 'event');
  const owner = `the event "${input.id}"`;
  const written = list(input.passages);
  const passages = check.refs(written, [...at, 'passages'], owner);
  const evidence = list(input.evidence);
  // Evidence is only checked against passages that all exist: one problem at a time.
  if (passages.length === written.length)
    check.evidence(evidence, passages, [...at, 'evidence'], owner);
  // Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) compare correctly as text.
  if (input.end !== undefined && input.end < input.date)
    check.error(
      [...at, 'end'],
      'event-ends-before-start',
      `${owner} ends (${input.end}) before it starts (${input.date}); swap them or fix the dates`,
    );
  return {
    id: input.id,
    date: String(input.date),
    ...(input.end ? { end: input.end } : {}),
    event: input.event,
    passages,
    evidence,
    ...(input.date_basis ? { dateBasis: input.date_basis } : {}),
    ...(input.background ? { background: input.background } : {}),
  };
}
