/**
 * A class's copies filled into shapes rendered once (src/render/page-fill.ts)
 * are the bytes each copy gets rendered in full: with names that need
 * escaping in HTML and in CSS strings, in other scripts, with and without a
 * class, with and without an answer sheet, and with a project's own
 * templates that use a student's fields in ways filling in cannot follow.
 * The same for marking grids, whose rows are also rendered once each.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { drawStudentCopies } from '../../src/quiz/draw.js';
import type { Student } from '../../src/quiz/copy.js';
import { templateEnvironment } from '../../src/render/env.js';
import { explanationsBooklet } from '../../src/render/explanations.js';
import { renderCopy } from '../../src/render/quiz-copy.js';
import { classFills, renderedItems } from '../../src/render/rendered-items.js';
import { renderMarkingGrid } from '../../src/render/marking-grid.js';
import { renderPair } from '../../src/render/page.js';
import { BUILTIN_TEMPLATES } from '../../src/project.js';
import { blueprint, bundled } from '../quiz/fixtures.js';

const NAMES = [
  '<script>alert(1)</script>',
  'Tom & Jerry',
  `Sinéad O'Brien "Shiv"`,
  'back\\slash </style> {{ x }}',
  '李小龙',
  'Иван Петров',
  'Ana Pérez',
  '',
];

function students(count: number, withClass: (i: number) => string | undefined): Student[] {
  return Array.from({ length: count }, (_, i) => {
    const group = withClass(i);
    return {
      id: i % 5 === 0 ? `x<&"'${i}` : `s${i}`,
      name: NAMES[i % NAMES.length]!,
      extra: group === undefined ? [] : [['class', group]],
      row: i + 2,
    };
  });
}

const singleChoice = blueprint(`answer_sheet: true
sections:
  - title: Choice <&> "one"
    pick: 8
    from: { types: [single] }
`);
const mixed = blueprint(`sections:
  - title: Mixed
    pick: 6
    from: { types: [single, true-false, short] }
`);

const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A project's own templates/ folder with the given files. */
function ownTemplates(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'handout-fill-'));
  folders.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

async function compare(quiz: typeof singleChoice, templateDirs: string[], roster: Student[]) {
  const content = await bundled();
  const env = templateEnvironment(templateDirs);
  const items = renderedItems();
  const full = {
    env,
    corpus: content.corpus,
    assetsUrl: '../..',
    items,
    ...(quiz.answerSheet ? { answerSheet: quiz.answerSheet } : {}),
  };
  const fills = classFills(env, templateDirs.slice(0, -1), items);
  const filled = { ...full, fills };
  const copies = drawStudentCopies(content.bank.questions, quiz, 11, roster);
  for (const copy of copies) expect(renderCopy(copy, filled)).toBe(renderCopy(copy, full));
  return { copies, fills };
}

describe('copies filled into shapes', () => {
  it('are byte for byte the copies rendered in full, whatever the names', async () => {
    const { copies, fills } = await compare(
      singleChoice,
      [BUILTIN_TEMPLATES],
      students(40, (i) => (i % 3 === 0 ? undefined : i % 3 === 1 ? '10B <a>' : '')),
    );
    // Filled in, not rendered in full: a few shapes for forty copies.
    expect(fills.stats().filled).toBe(copies.length);
    expect(fills.stats().shapes).toBeLessThan(10);
    const page = renderCopy(copies[0]!, {
      env: templateEnvironment([BUILTIN_TEMPLATES]),
      corpus: (await bundled()).corpus,
      assetsUrl: '.',
      answerSheet: singleChoice.answerSheet!,
    });
    // The names really are in the pages, escaped for HTML and for CSS strings.
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('\\3c script\\3e alert(1)\\3c /script\\3e ');
  });

  it('are the copies rendered in full as pairs, each copy’s page and its part of the pack', async () => {
    const content = await bundled();
    const env = templateEnvironment([BUILTIN_TEMPLATES]);
    const items = renderedItems();
    const full = {
      env,
      corpus: content.corpus,
      assetsUrl: '.',
      items,
      answerSheet: singleChoice.answerSheet!,
    };
    const filled = { ...full, fills: classFills(env, [], items) };
    const roster = students(12, () => '7C');
    const copies = drawStudentCopies(content.bank.questions, singleChoice, 4, roster);
    copies.forEach((copy, i) => {
      const pair = (context: typeof full) =>
        renderPair(
          (frame) => renderCopy(copy, { ...context, ...frame }),
          { assetsUrl: '../../../assets' },
          { name: `copy-${i + 1}`, assetsUrl: '../../assets' },
        );
      const expected = pair(full);
      expect(expected.part).toContain(`id="copy-${i + 1}"`);
      expect(pair(filled)).toEqual(expected);
    });
    expect(filled.fills.stats().filled).toBe(copies.length);
  });

  it('are the copies rendered in full for questions of several types, without a sheet', async () => {
    const { fills } = await compare(
      mixed,
      [BUILTIN_TEMPLATES],
      students(30, () => '9A'),
    );
    expect(fills.stats().filled).toBe(30);
  });

  it('are rendered in full when the project has its own copy template or stylesheet', async () => {
    const copyTemplate = ownTemplates({
      'quiz/copy.njk': `{% extends "layout.njk" %}{% block body %}<h1>{{ copy.student.name | upper }}</h1>{% if copy.student.name == 'Tom & Jerry' %}<p>Hello Tom</p>{% endif %}{% for section in sections %}{% for item in section.items %}{{ item.number }}:{{ item.html | safe }}{% endfor %}{% endfor %}{% endblock %}`,
    });
    const roster = students(12, () => 'B');
    const { copies, fills } = await compare(
      singleChoice,
      [copyTemplate, BUILTIN_TEMPLATES],
      roster,
    );
    expect(fills.stats().filled).toBe(0);
    const content = await bundled();
    const env = templateEnvironment([copyTemplate, BUILTIN_TEMPLATES]);
    const page = renderCopy(copies[1]!, {
      env,
      corpus: content.corpus,
      assetsUrl: '.',
    });
    expect(page).toContain('<h1>TOM &amp; JERRY</h1><p>Hello Tom</p>');
    // An included stylesheet of the project's own is a template too.
    const stylesheet = ownTemplates({
      'styles/quiz.css': `/* {{ copy.student.name | lower }} */`,
    });
    const second = await compare(singleChoice, [stylesheet, BUILTIN_TEMPLATES], roster);
    expect(second.fills.stats().filled).toBe(0);
  });
});

describe('marking grids filled into shapes, their rows rendered once each', () => {
  async function compareGrids(
    quiz: typeof singleChoice,
    templateDirs: string[],
    roster: Student[],
  ) {
    const content = await bundled();
    const env = templateEnvironment(templateDirs);
    const copies = drawStudentCopies(content.bank.questions, quiz, 5, roster);
    const booklet = explanationsBooklet(copies);
    // In full: no shapes, and every row rendered for its own grid.
    const full = {
      env,
      corpus: content.corpus,
      assetsUrl: '../..',
      ...(quiz.answerSheet ? { answerSheet: quiz.answerSheet } : {}),
    };
    const items = renderedItems();
    const fills = classFills(env, templateDirs.slice(0, -1), items);
    const filled = { ...full, items, fills };
    const grids = copies.map((copy) => {
      const expected = renderMarkingGrid(copy, booklet, 'the booklet <&>', full);
      expect(renderMarkingGrid(copy, booklet, 'the booklet <&>', filled)).toBe(expected);
      return expected;
    });
    return { grids, fills, items, copies };
  }

  it('are byte for byte the grids rendered in full, whatever the names, with the sheet’s bubbles', async () => {
    const { grids, fills, items, copies } = await compareGrids(
      singleChoice,
      [BUILTIN_TEMPLATES],
      students(40, (i) => (i % 2 ? '10B <a>' : undefined)),
    );
    expect(fills.stats().filled).toBe(copies.length);
    expect(fills.stats().shapes).toBeLessThan(5);
    // Far fewer rows rendered than shown: 40 grids of 8 rows.
    expect(items.rows.size).toBeLessThan(40 * 8);
    expect(grids[0]).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(grids[0]).toMatch(/<span class="key-bubble filled">[A-E]<\/span>/);
    expect(grids.every((grid) => grid.match(/<th scope="row">/g)?.length === 8)).toBe(true);
  });

  it('are the grids rendered in full for questions of several types, without a sheet', async () => {
    const { fills } = await compareGrids(
      mixed,
      [BUILTIN_TEMPLATES],
      students(30, () => '9A'),
    );
    expect(fills.stats().filled).toBe(30);
  });

  it('follow a project’s own row or grid template', async () => {
    const ownRow = ownTemplates({
      'quiz/grid-row.njk': `<tr><td>{{ item.number }}. {{ item.grid_answer | lower }}{% if item.booklet_number == 1 %} (first){% endif %}</td></tr>\n`,
    });
    const roster = students(12, () => '7C');
    const rows = await compareGrids(singleChoice, [ownRow, BUILTIN_TEMPLATES], roster);
    expect(rows.grids[0]).toMatch(/<tr><td>1\. [a-e]+( \(first\))?<\/td><\/tr>/);
    expect(rows.grids.join('')).toContain(' (first)</td>');
    // A grid template of the project's own, from before rows had their own file, is rendered in full.
    const ownGrid = ownTemplates({
      'quiz/marking-grid.njk': `{% for half in grid %}{% for item in half %}<p>{{ copy.student.name | upper }}: {{ item.number }}={{ item.grid_answer }}</p>{% endfor %}{% endfor %}`,
    });
    const grids = await compareGrids(singleChoice, [ownGrid, BUILTIN_TEMPLATES], roster);
    expect(grids.fills.stats().filled).toBe(0);
    expect(grids.grids[1]).toMatch(/^<p>TOM &amp; JERRY: 1=[A-E]+<\/p>/);
  });
});
