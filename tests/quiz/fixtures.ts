/** The bundled bank plus blueprints written in the tests. */
import { ProblemList } from '../../src/errors.js';
import { requireContent, type Content } from '../../src/content.js';
import { projectAt } from '../../src/project.js';
import { parseBlueprint, type Blueprint } from '../../src/quiz/blueprint.js';
import { REPO } from '../helpers/project.js';

let cached: Promise<Content> | undefined;

/** The bundled project, loaded once; an error in it fails the test that asked, with every problem listed. */
export function bundled(): Promise<Content> {
  cached ??= requireContent(projectAt(REPO)).then(({ content }) => content);
  return cached;
}

export function blueprint(
  yaml: string,
  file = '/virtual/questions/quizzes/test-quiz.yaml',
): Blueprint {
  const problems = new ProblemList();
  const parsed = parseBlueprint(file, `id: test-quiz\ntitle: Test quiz\n${yaml}`, problems);
  if (!parsed || problems.errors.length) throw new Error(JSON.stringify(problems.items));
  return parsed;
}
