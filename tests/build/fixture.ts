/** A small quiz project for the printed-output tests: the bundled corpus and bank, a quiz, a roster. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO } from '../helpers/project.js';

/** The bundled corpus and bank, a small quiz, a roster, and one question with a remote image. */
export function quizProject(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'handout-build-'));
  cpSync(path.join(REPO, 'corpus'), path.join(root, 'corpus'), { recursive: true });
  cpSync(path.join(REPO, 'questions'), path.join(root, 'questions'), {
    recursive: true,
    filter: (src) => !/quizzes|briefings|responses/.test(src),
  });
  writeFileSync(
    path.join(root, 'questions/remote-image.yaml'),
    `questions:
  - id: remote-image-map
    type: true-false
    passages: lavrov-studying-proposals-2013#p6
    prompt: "The Pentagon planned more interceptors in Alaska. ![map](https://example.com/alaska-map.png)"
    answer: true
    evidence: station additional missile interceptors in Alaska
    tags: [remote-test]
`,
  );
  mkdirSync(path.join(root, 'questions/quizzes'));
  writeFileSync(
    path.join(root, 'questions/quizzes/small-quiz.yaml'),
    `id: small-quiz
title: Small Quiz
seed: 11
versions: 2
sections:
  - title: Choice
    pick: 5
    from: { types: [single] }
  - title: Map
    pick: 1
    from: { tags: [remote-test] }
  - title: Matching
    pick: 1
    from: { types: [matching] }
`,
  );
  writeFileSync(
    path.join(root, 'class.csv'),
    '\uFEFFid,name\nk1,"Okafor, Amara"\nk2,Иван Соколов\nk3,李小龙\n',
  );
  return root;
}

export function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (sub: string): void => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = path.join(sub, entry.name);
      if (entry.isDirectory()) walk(rel);
      else out.set(rel, readFileSync(path.join(dir, rel)));
    }
  };
  walk('');
  return out;
}
