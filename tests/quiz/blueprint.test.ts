import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeProject, singleQuestion } from '../helpers/project.js';

const bank = `questions:\n${singleQuestion('q-one', '    tags: [missile-defense]\n')}${singleQuestion('q-two', '    tags: [missile-defense]\n')}${singleQuestion('q-three')}`;

async function lintQuiz(quiz: string) {
  const root = makeProject({
    'questions/bank.yaml': bank,
    'questions/quizzes/my-quiz.yaml': `id: my-quiz\ntitle: My quiz\n${quiz}`,
  });
  const result = await runCli(['lint', '--format', 'json'], root);
  return {
    root,
    result,
    problems: (
      JSON.parse(result.stdout) as {
        problems: { file: string; line: number; code: string; message: string }[];
      }
    ).problems,
  };
}

describe('impossible blueprints', () => {
  it('name the file, the section line and both counts when a filter yields too few questions', async () => {
    const { problems } = await lintQuiz(
      'sections:\n  - title: Choice\n    pick: 2\n    from: { types: [single] }\n  - title: Tagged\n    pick: 3\n    from: { tags: [missile-defense] }\n',
    );
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'questions/quizzes/my-quiz.yaml',
        line: 7,
        code: 'section-too-small',
        message: expect.stringMatching(/section 2 \("Tagged"\).*picks 3.*only 2 questions/),
      }),
    ]);
  });

  it('count questions already taken by earlier sections', async () => {
    const { problems } = await lintQuiz(
      'sections:\n  - title: All\n    pick: 2\n    from: { types: [single] }\n  - title: Tagged\n    pick: 2\n    from: { tags: [missile-defense] }\n',
    );
    expect(problems).toEqual([
      expect.objectContaining({
        line: 7,
        code: 'section-overlap',
        message: expect.stringContaining('earlier sections can take up to 2'),
      }),
    ]);
  });

  it('report an unknown tag with a suggestion', async () => {
    const { problems } = await lintQuiz(
      'sections:\n  - title: Tagged\n    pick: 1\n    from: { tags: [missile-defence] }\n',
    );
    expect(problems.map((p) => p.code)).toContain('unknown-tag');
    expect(problems.find((p) => p.code === 'unknown-tag')!.message).toContain(
      'did you mean "missile-defense"',
    );
  });

  it('make `handout quiz` fail with the same message and write nothing', async () => {
    const { root } = await lintQuiz(
      'sections:\n  - title: Choice\n    pick: 9\n    from: { types: [single] }\n',
    );
    const result = await runCli(['quiz', 'my-quiz', '--format', 'html'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /questions\/quizzes\/my-quiz\.yaml:4:5 {2}error {2}section 1 \("Choice"\).*picks 9.*only 3 questions/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('name the quiz that does not exist', async () => {
    const { root } = await lintQuiz(
      'sections:\n  - title: Choice\n    pick: 1\n    from: { types: [single] }\n',
    );
    const result = await runCli(['quiz', 'my-quizz'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('did you mean "my-quiz"');
  });

  it('reject a roster with no students before anything is generated', async () => {
    const root = makeProject({
      'questions/bank.yaml': bank,
      'questions/quizzes/my-quiz.yaml': `id: my-quiz\ntitle: My quiz\nsections:\n  - title: C\n    pick: 1\n    from: { types: [single] }\n`,
      'class.csv': 'id,name\n',
    });
    const result = await runCli(
      ['quiz', 'my-quiz', '--roster', 'class.csv', '--format', 'html', '--out', 'out'],
      root,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('class.csv:1  error  the roster has a header but no students');
  });
});
