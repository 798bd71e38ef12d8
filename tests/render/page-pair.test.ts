/**
 * A class's copy is both an HTML page of its own and a part of the printed
 * pack: one render makes the two (render/page.ts renderPair). Each must be
 * byte for byte what rendering it alone gives, whatever the layout.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Content } from '../../src/content.js';
import { planQuiz } from '../../src/produce/quiz-plan.js';
import type { Student } from '../../src/quiz/copy.js';
import { BUILTIN_TEMPLATES } from '../../src/project.js';
import { bundled } from '../quiz/fixtures.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'handout-pair-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const students = (names: string[]): Student[] =>
  names.map((name, i) => ({ id: `p${i + 1}`, name, extra: [['class', '9C']], row: i + 2 }));

/** The bundled unit quiz (answer sheets on) for `roster`, as HTML and PDF. */
function classPlan(content: Content, roster: Student[], fullKeys = false) {
  const quiz = content.blueprints.find((b) => b.id === 'missile-defense-unit')!;
  expect(quiz.answerSheet).toBeDefined();
  return planQuiz(content, quiz, {
    seed: 11,
    formats: ['html', 'pdf'],
    versions: 2,
    roster: { name: '9C', students: roster },
    versionsWithRoster: false,
    split: false,
    duplex: true,
    fullKeys,
  });
}

/** Every part that brings its copy's own page, rendered once, against the two rendered apart. */
function expectPairsAsApart(plan: ReturnType<typeof classPlan>, count: number) {
  const paired = plan.packs.flatMap((pack) => pack.parts.filter((part) => part.page));
  expect(paired).toHaveLength(count);
  for (const part of paired) {
    const { page, part: inPack } = part.page!.render();
    expect(page).toBe(part.page!.document.render());
    expect(inPack).toBe(part.render());
    // Nothing of the marks that stand in while a pair is rendered is left.
    expect(page + inPack).not.toMatch(/[\uE011-\uE013]/);
  }
  return paired;
}

describe('a class copy rendered once for its own page and its part of the pack', () => {
  it('is what rendering each alone gives, for copies with answer sheets, marking grids and full keys', async () => {
    const content = await bundled();
    const roster = students(['Ana Pérez', 'Лев Толстой', '李小龙']);
    for (const fullKeys of [false, true]) {
      const paired = expectPairsAsApart(classPlan(content, roster, fullKeys), 6);
      const { page, part } = paired[1]!.page!.render();
      // The page is named as a document printed alone, the part as the pack's second copy,
      // and each answer sheet's anchor follows its name.
      expect(page).toContain('id="copy-sheet"');
      expect(part).toContain('<div class="page-part" id="copy-2" style="page: copy-2">');
      expect(part).toContain('id="copy-2-sheet"');
      expect(page).toContain('<link rel="stylesheet" href="../../../../assets/fonts.css">');
    }
  });

  it("is rendered twice, as before, with a project's own layout that knows nothing of pairs", async () => {
    const content = await bundled();
    const templates = path.join(scratch, 'templates');
    // The built-in layout as it was before pairs: it never writes the page before the part.
    const layout = readFileSync(path.join(BUILTIN_TEMPLATES, 'layout.njk'), 'utf8');
    expect(layout).toContain('part.pair');
    mkdirSync(templates, { recursive: true });
    writeFileSync(path.join(templates, 'layout.njk'), layout.replaceAll('part.pair', 'part.never'));
    const own = {
      ...content,
      project: { ...content.project, templateDirs: [templates, BUILTIN_TEMPLATES] },
    };
    expectPairsAsApart(classPlan(own, students(['Ana Pérez', 'Jo Smith'])), 4);
  });

  it('is not tried when text from the teacher holds one of its marks', async () => {
    const content = await bundled();
    const plan = classPlan(content, students(['Ana \uE011 Pérez', 'Jo Smith']));
    expect(plan.packs.flatMap((pack) => pack.parts.filter((part) => part.page))).toEqual([]);
    const page = plan.documents.find((d) => d.path.endsWith('/copies/p1.html'))!.render();
    expect(page).toContain('Ana \uE011 Pérez');
    expect(page).toContain('id="copy"');
  });
});
