/**
 * The layers of src/ are a lint rule (eslint.config.js): these check that
 * the rule really rejects an upward import, so that it cannot be switched off
 * by accident (`npm run lint` checks today's source).
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/project.js';

const eslint = new ESLint({ cwd: REPO });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(REPO, file) });
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

describe('the layer rule', () => {
  it('keeps pure modules away from commands, terminal, pdf and write, lazy imports included', async () => {
    for (const [folder, upper] of [
      ['bank', 'terminal/io.js'],
      ['corpus', 'commands/build.js'],
      ['quiz', 'pdf/printer.js'],
      ['grade', 'write/writer.js'],
      ['export', 'produce/plan.js'],
    ] as const) {
      const found = await problems(
        `src/${folder}/probe.ts`,
        `import type { X } from '../${upper}';\nexport type Y = X;\nexport const z = () => import('../${upper}');\n`,
      );
      expect(found, `${folder} -> ${upper}`).toHaveLength(2);
      expect(found[0]).toContain('must not depend on a layer above it');
    }
  });

  it('counts a new feature folder as pure until it is named a layer of its own', async () => {
    const found = await problems(
      'src/new-feature/probe.ts',
      "export const print = () => import('../pdf/printer.js');\n",
    );
    expect(found).toEqual([expect.stringContaining('must not depend on a layer above it')]);
  });

  it('keeps the terminal layer and helpers free of the content', async () => {
    const found = await problems(
      'src/terminal/probe.ts',
      "export type { Corpus } from '../corpus/article.js';\nexport type { Problem } from '../errors.js';\n",
    );
    expect(found).toEqual([expect.stringContaining('must not depend on a layer above it')]);
  });

  it('lets a pure module import its own layer and the ones below', async () => {
    const found = await problems(
      'src/quiz/probe.ts',
      "import type { Bank } from '../bank/load.js';\nimport { plural } from '../util/text.js';\nexport const x = (b: Bank) => plural(b.questions.length, 'q');\n",
    );
    expect(found).toEqual([]);
  });

  it('keeps command files from importing each other', async () => {
    expect(
      await problems('src/commands/probe.ts', "export { buildCommand } from './build.js';\n"),
    ).toEqual([expect.stringContaining('must not import another command')]);
    expect(
      await problems('src/commands/probe.ts', "export { parseSeed } from './options.js';\n"),
    ).toEqual([]);
  });
});
