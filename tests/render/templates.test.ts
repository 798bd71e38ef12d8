import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeProject, singleQuestion } from '../helpers/project.js';

const quiz = `id: q\ntitle: Q\npaper: a4\nversions: 1\nsections:\n  - title: S\n    pick: 1\n    from: { types: [single] }\n`;

describe("a project's own templates", () => {
  it('override the built-in ones by name, and the rest still come from handout', async () => {
    const root = makeProject({
      'questions/bank.yaml': `questions:\n${singleQuestion('one')}`,
      'questions/quizzes/q.yaml': quiz,
      'templates/quiz/copy.njk':
        '{% extends "layout.njk" %}{% block body %}<p class="mine">School of {{ quiz.title }}</p>{% endblock %}',
    });
    const result = await runCli(['quiz', 'q', '--format', 'html', '--quiet'], root);
    expect(result.code).toBe(0);
    const copy = readFileSync(path.join(root, 'out/quizzes/q/version-A.html'), 'utf8');
    expect(copy).toContain('<p class="mine">School of Q</p>');
    expect(copy).toContain('size: A4;');
    expect(readFileSync(path.join(root, 'out/quizzes/q/version-A-key.html'), 'utf8')).toContain(
      'Marking grid',
    );
  });

  it('name the template and what went wrong when they break', async () => {
    const root = makeProject({
      'questions/bank.yaml': `questions:\n${singleQuestion('one')}`,
      'questions/quizzes/q.yaml': quiz,
      'templates/quiz/copy.njk': '{% extends "layout.njk" %}{% block body %}{% if %}{% endblock %}',
    });
    const result = await runCli(['quiz', 'q', '--format', 'html'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the template "quiz/copy.njk" could not be rendered');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
