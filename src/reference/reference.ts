/** Reference data as the briefing sees it: refs parsed, mentions and role dates derived. */
import type { PassageRef } from '../corpus/article.js';

export interface Role {
  role: string;
  passages: PassageRef[];
  evidence: string[];
  /** Publication dates of the role's articles, with their precision, oldest first. */
  dates: string[];
}

export interface Person {
  id: string;
  name: string;
  country?: string;
  match: string[];
  roles: Role[];
  /** Every passage that names the person (found by `match`) or refers to them (`also`). */
  mentions: PassageRef[];
  /** The passages listed by hand in `also`. */
  also: PassageRef[];
  quoted: PassageRef[];
  note?: string;
  background?: string;
}

export interface Term {
  id: string;
  term: string;
  aka: string[];
  expansion?: string;
  kind: string;
  definition: string;
  background?: string;
  match: string[];
  mentions: PassageRef[];
  /** The passages listed by hand in `also`. */
  also: PassageRef[];
  evidence: string[];
}

export interface TimelineEvent {
  id: string;
  date: string;
  end?: string;
  event: string;
  passages: PassageRef[];
  evidence: string[];
  dateBasis?: string;
  background?: string;
}

export interface Reference {
  people: Person[];
  terms: Term[];
  /** In date order (then by id), whatever order they are written in. */
  events: TimelineEvent[];
  files: string[];
}
