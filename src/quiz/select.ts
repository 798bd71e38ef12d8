/**
 * Which questions fill a section. Questions are ranked by a hash of the
 * section seed and their id, so a question outside the section's filter can
 * be added, removed or edited without changing the section's draw.
 */
import { HandoutError, compareStrings } from '../errors.js';
import type { Question } from '../bank/question.js';
import type { BlueprintSection } from './blueprint.js';
import { rankByHash } from './seed.js';
import { plural } from '../util/text.js';

/** The questions a section would draw for a copy: its pool minus those already on the copy. */
export function available(pool: Question[], onCopy: ReadonlySet<string>): Question[] {
  return pool.filter((q) => !onCopy.has(q.id));
}

/** vary: order — the first `pick` questions by hash rank. */
export function pickRanked(
  section: BlueprintSection,
  pool: Question[],
  onCopy: ReadonlySet<string>,
  seed: string,
  quizId: string,
): Question[] {
  const candidates = available(pool, onCopy);
  requireEnough(section, candidates.length, pool.length, quizId);
  return rankByHash(candidates, seed, (q) => q.id).slice(0, section.pick);
}

/** Points and difficulty: what must match across versions under vary: questions. */
export function stratum(question: Question): string {
  return `${question.points}|${question.difficulty}`;
}

/**
 * vary: questions — a copy's own draw with the same profile (points and
 * difficulty) as `profile`. Questions used less often by earlier copies are
 * preferred, so versions overlap as little as the bank allows.
 */
export function pickMatching(
  section: BlueprintSection,
  pool: Question[],
  onCopy: ReadonlySet<string>,
  profile: Question[],
  seed: string,
  usage: ReadonlyMap<string, number>,
  quizId: string,
): Question[] {
  const candidates = available(pool, onCopy);
  requireEnough(section, candidates.length, pool.length, quizId);
  const needed = new Map<string, number>();
  for (const q of profile) needed.set(stratum(q), (needed.get(stratum(q)) ?? 0) + 1);
  const ranked = rankByHash(candidates, seed, (q) => q.id);
  // Stable sort keeps the hash order among equally used questions.
  ranked.sort((a, b) => (usage.get(a.id) ?? 0) - (usage.get(b.id) ?? 0));
  const chosen: Question[] = [];
  for (const key of [...needed.keys()].sort(compareStrings)) {
    const want = needed.get(key)!;
    const fromStratum = ranked.filter((q) => stratum(q) === key).slice(0, want);
    chosen.push(...fromStratum);
    // A stratum emptied by earlier sections: fall back to the closest questions.
    if (fromStratum.length < want)
      chosen.push(...ranked.filter((q) => !chosen.includes(q)).slice(0, want - fromStratum.length));
  }
  return chosen;
}

function requireEnough(
  section: BlueprintSection,
  candidates: number,
  pool: number,
  quizId: string,
): void {
  if (candidates >= section.pick) return;
  throw new HandoutError(
    `section ${section.index + 1} ("${section.title}") of quiz "${quizId}" picks ${section.pick}, but only ${candidates} of the ${plural(pool, 'question')} its filter matches are left for this copy; lower "pick" or widen "from"`,
    {
      code: 'section-too-small',
      problems: [
        {
          ...section.at,
          severity: 'error',
          code: 'section-too-small',
          message: `section "${section.title}" cannot be filled: ${candidates} questions left, ${section.pick} needed`,
        },
      ],
    },
  );
}
