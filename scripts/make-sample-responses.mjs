#!/usr/bin/env node
/**
 * Writes questions/responses/missile-defense-unit.csv: a made-up class that
 * sat the bundled unit quiz, for trying `handout grade` and for its tests.
 * Deterministic (seeded), so run it again whenever the bank, the blueprint
 * or its roster changes the copies:
 *
 *   npm run build && node scripts/make-sample-responses.mjs
 *
 * With the blueprint's roster, most students wrote on their personal copy
 * (the version column holds its code), every third sat version A or B as a
 * make-up, and the last student on the roster was absent. Without a
 * roster, 24 students alternate between the versions.
 *
 * Each student has an ability and each question a difficulty; the chance of
 * a right answer grows with the difference (a logistic curve, as in item
 * response theory). Two questions are traps with a tempting wrong option,
 * and one is ambiguous (right or wrong by luck), so the report has
 * something to flag. The bank loader reads only .yaml, so this CSV under
 * questions/ is never taken for questions.
 */
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';
import { stringify } from 'csv-stringify/sync';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const QUIZ = 'missile-defense-unit';
/** Class size when the blueprint has no roster. */
const STUDENTS = 24;
const OUTPUT = path.join(ROOT, 'questions', 'responses', `${QUIZ}.csv`);

if (!existsSync(path.join(ROOT, 'dist', 'grade', 'copies.js'))) {
  console.error(
    'make-sample-responses: run "npm run build" first (this script uses the compiled dist/).',
  );
  process.exitCode = 1;
} else {
  await main();
}

async function main() {
  const { projectAt } = await import('../dist/project.js');
  const { requireContent } = await import('../dist/content.js');
  const { regenerateCopies } = await import('../dist/grade/copies.js');
  const { keyNotation } = await import('../dist/quiz/key.js');
  const { loadRoster } = await import('../dist/quiz/roster.js');

  const { content } = await requireContent(projectAt(ROOT));
  const blueprint = content.blueprints.find((b) => b.id === QUIZ);
  if (!blueprint) throw new Error(`no blueprint "${QUIZ}" in questions/quizzes/`);
  const students = blueprint.roster ? await loadRoster(blueprint.roster) : undefined;
  const copies = regenerateCopies(
    content.bank.questions,
    blueprint,
    blueprint.seed,
    students ? { students } : {},
  );
  const sitting = whoSatWhat(copies, students);
  const rng = seedrandom(`sample-responses:${QUIZ}`);

  // Question difficulties, by id, so both versions see the same question alike.
  const versionA = copies.versions[0];
  const singles = versionA.items
    .filter((i) => i.presentation.type === 'single')
    .map((i) => i.question.id);
  const [trapOne, trapTwo, ambiguous] = shuffle(singles, rng);
  const traps = new Set([trapOne, trapTwo]);
  const difficulty = new Map(
    versionA.items.map((item) => {
      const base = { 1: -1.4, 2: -0.5, 3: 0.6 }[item.question.difficulty];
      return [item.question.id, traps.has(item.question.id) ? 2.4 : base + (rng() - 0.5)];
    }),
  );

  const rows = [];
  for (const { id, copy } of sitting) {
    // Sum of three uniforms: a bell-shaped spread of abilities, centred a little above 0.
    const ability = (rng() + rng() + rng() - 1.5) * 2.2 + 0.4;
    const chance = (id) =>
      id === ambiguous ? 0.5 : 1 / (1 + Math.exp(-1.7 * (ability - difficulty.get(id))));
    const cells = copy.items.map((item) =>
      answer(
        item,
        chance(item.question.id),
        ability,
        traps.has(item.question.id),
        rng,
        keyNotation,
      ),
    );
    rows.push([id, copy.version, ...cells]);
  }
  const header = ['id', 'version', ...versionA.items.map((i) => String(i.number))];
  mkdirSync(path.dirname(OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, stringify([header, ...rows], { record_delimiter: 'unix' }));
  const onVersions = sitting.filter((s) => !s.copy.student).length;
  console.error(
    `make-sample-responses: wrote ${path.relative(ROOT, OUTPUT)} (${rows.length} students: ${rows.length - onVersions} on personal copies, ${onVersions} on versions; seed ${blueprint.seed})`,
  );
}

/**
 * Who wrote on which copy. With a roster: every third student sat a
 * version (a make-up), the last one was absent, the others wrote on their
 * personal copy. Without one: the versions in turn.
 */
function whoSatWhat(copies, students) {
  const versions = copies.versions;
  if (!students) {
    return Array.from({ length: STUDENTS }, (_, i) => ({
      id: `s${String(i + 1).padStart(2, '0')}`,
      copy: versions[i % versions.length],
    }));
  }
  let makeUps = 0;
  return students.slice(0, -1).map((student, i) => ({
    id: student.id,
    copy:
      (i + 1) % 3 === 0
        ? versions[makeUps++ % versions.length]
        : copies.roster.byStudent.get(student.id),
  }));
}

function shuffle(items, rng) {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function pick(items, rng) {
  return items[Math.floor(rng() * items.length)];
}

/** One cell: right with probability p (each part separately for partial-credit types). */
function answer(item, p, ability, trap, rng, keyNotation) {
  const q = item.presentation;
  // Weaker students sometimes leave an item blank.
  if (rng() < 0.06 * Math.max(0, 1 - ability)) return '';
  const right = () => rng() < p;
  switch (q.type) {
    case 'single': {
      if (right()) return q.correct;
      const wrong = q.options.filter((o) => !o.correct);
      // A trap has one tempting wrong option (the first one the bank lists).
      const tempting = wrong.find((o) => o.text === item.question.distractors[0]);
      return trap && rng() < 0.75 ? tempting.letter : pick(wrong, rng).letter;
    }
    case 'multiple':
      return q.options
        .filter((o) => (o.correct ? right() : rng() < (1 - p) * 0.4))
        .map((o) => o.letter)
        .join('');
    case 'true-false':
      return (right() ? q.correct : !q.correct) ? 'T' : 'F';
    case 'short': {
      if (!right()) return pick(['Moscow', 'the Kremlin', 'not sure', 'Washington'], rng);
      // Right answers arrive in the teacher's spelling: case and punctuation vary.
      const accepted = [q.answer, ...q.accept];
      const text = pick(accepted, rng);
      return rng() < 0.3 ? text.toLowerCase() : text;
    }
    case 'numeric':
      return String(
        right() ? q.answer : q.answer + pick([-2, -1, 1, 10], rng) * Math.max(1, q.tolerance + 1),
      );
    case 'cloze':
      return q.answers
        .map((accepted) => (right() ? pick(accepted, rng) : pick(['', 'treaty', 'weapons'], rng)))
        .join('|');
    case 'matching':
      return q.left
        .map(
          (l) =>
            `${l.number}${
              right()
                ? l.correct
                : pick(
                    q.right.filter((r) => r.letter !== l.correct),
                    rng,
                  ).letter
            }`,
        )
        .join(' ');
    case 'ordering': {
      const letters = [...q.correct];
      // Each miss swaps a pair of neighbours.
      for (let i = 0; i + 1 < letters.length; i++)
        if (!right()) [letters[i], letters[i + 1]] = [letters[i + 1], letters[i]];
      return letters.join('');
    }
    case 'essay':
      return String(
        Math.max(0, Math.min(item.points, Math.round(item.points * p + (rng() - 0.5)))),
      );
    default:
      return keyNotation(q);
  }
}
