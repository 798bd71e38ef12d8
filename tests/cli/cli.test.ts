import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/run.js';
import { memoryIo, runCli } from '../helpers/cli.js';
import { REPO, makeProject } from '../helpers/project.js';

describe('the command line', () => {
  it('prints the version from package.json', async () => {
    const { version } = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
      version: string;
    };
    const result = await runCli(['--version'], REPO);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(version);
  });

  it('shows an example in the help of every command', async () => {
    const program = buildProgram({ io: memoryIo(REPO, {}), setExit: () => undefined });
    const names = program.commands.flatMap((c) =>
      c.commands.length ? c.commands.map((s) => [c.name(), s.name()]) : [[c.name()]],
    );
    expect(names.map((n) => n.join(' '))).toEqual(
      expect.arrayContaining([
        'lint',
        'stats',
        'build',
        'quiz',
        'briefing',
        'export',
        'grade',
        'init',
        'corpus import',
      ]),
    );
    for (const name of names) {
      const result = await runCli([...name, '--help'], REPO);
      expect(result.code, name.join(' ')).toBe(0);
      expect(result.stdout, name.join(' ')).toMatch(/Examples?:\n\s+\$ handout /);
    }
  });

  it('takes --debug before or after the command, and --version after it as the command’s own flag', async () => {
    const root = makeProject({});
    for (const args of [
      ['--debug', 'lint'],
      ['lint', '--debug'],
    ]) {
      const result = await runCli(args, root);
      expect(result.stderr, args.join(' ')).not.toContain('unknown option');
      expect(result.code, args.join(' ')).toBe(0);
    }
    const imported = await runCli(['corpus', 'import', 'missing.html', '--debug'], root);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toContain('caused by');
    // `handout --version` is handout's version; a command's --version is that command's.
    const version = await runCli(['quiz', 'unit', '--version', 'A'], root);
    expect(version.code).toBe(2);
    expect(version.stderr).toContain("unknown option '--version'");
  });

  it('answers a typo with a suggestion and exit code 2', async () => {
    const result = await runCli(['lintt'], REPO);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Did you mean lint?');
  });

  it('explains, without a stack trace, when the folder is not a project', async () => {
    const result = await runCli(['lint'], path.join(REPO, 'docs'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not a handout project');
    expect(result.stderr).toContain('handout init');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports bad option values in plain words', async () => {
    for (const [args, message] of [
      [['quiz', 'missile-defense-unit', '--seed', 'abc'], '--seed "abc" is not a whole number'],
      [
        [
          'quiz',
          'missile-defense-unit',
          '--paper',
          'legal',
          '--format',
          'html',
          '--out',
          '/tmp/never',
        ],
        '--paper "legal" is not valid',
      ],
      [['build', '--format', 'docx'], '--format "docx" is not valid'],
    ] as const) {
      const result = await runCli([...args], REPO);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(message);
    }
  });

  it('handout init creates a project that passes lint and builds', async () => {
    const parent = makeProject({}, { corpus: false });
    const created = await runCli(['init', 'my-unit'], parent);
    expect(created.code).toBe(0);
    const root = path.join(parent, 'my-unit');
    const lint = await runCli(['lint', '--strict'], root);
    expect(lint.stdout).toBe('');
    expect(lint.code).toBe(0);
    const build = await runCli(['build', '--format', 'html', '--quiet'], root);
    expect(build.code).toBe(0);
    expect(
      readFileSync(path.join(root, 'out/quizzes/starter-quiz/version-A-key.html'), 'utf8'),
    ).toContain('Marking grid');
    const again = await runCli(['init', 'my-unit'], parent);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('not empty');
  });

  it('handout build says when a question file holds no questions (lint only warns)', async () => {
    const parent = makeProject({}, { corpus: false });
    await runCli(['init', 'unit'], parent);
    const root = path.join(parent, 'unit');
    writeFileSync(path.join(root, 'questions/empty.yaml'), '# to do: questions on the treaty\n');
    writeFileSync(path.join(root, 'questions/none-yet.yaml'), 'questions: []\n');
    const lint = await runCli(['lint'], root);
    expect(lint.code).toBe(0);
    expect(lint.stdout).toContain('questions/empty.yaml:1:1  warning');
    const build = await runCli(['build', '--format', 'html'], root);
    expect(build.code).toBe(0);
    const end = build.stdout.trimEnd().split('\n').slice(-2);
    expect(end).toEqual([
      'Note: questions/empty.yaml holds no questions, so nothing from it is in these files.',
      'Note: questions/none-yet.yaml holds no questions, so nothing from it is in these files.',
    ]);
    const quiet = await runCli(['build', '--format', 'html', '--quiet'], root);
    expect(quiet.stdout).toBe('');
  });
});
