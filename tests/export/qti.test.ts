import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { exportFormats } from '../../src/export/index.js';
import { feedbackHtml, sourceNote } from '../../src/export/feedback.js';
import { toHtml } from '../../src/export/text.js';
import type { ExportResult } from '../../src/export/types.js';
import { blueprint, parseXml, unzip, withSections, useFixtures } from './helpers.js';

type Node = Record<string, unknown>;

// The shared schema folder sits next to the repository: ../shared/qti12-xsd.
const XSD_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'shared',
  'qti12-xsd',
);
// The schema imports "../xml.xsd": give xmllint both files under the names that import resolves to.
const SCHEMA = {
  fileName: 'domainProfile_4/ims_qtiasiv1p2.xsd',
  contents: readFileSync(path.join(XSD_DIR, 'domainProfile_4/ims_qtiasiv1p2.xsd'), 'utf8'),
};
const XML_XSD = {
  fileName: 'xml.xsd',
  contents: readFileSync(path.join(XSD_DIR, 'xml.xsd'), 'utf8'),
};

async function schemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'assessment.xml', contents: xml }],
    schema: [SCHEMA],
    preload: [XML_XSD],
  });
  return result.errors.map((e) => e.rawMessage);
}

const ARRAYS = [
  'section',
  'item',
  'qtimetadatafield',
  'response_label',
  'response_lid',
  'respcondition',
  'varequal',
  'resource',
  'file',
];

interface Package {
  files: Record<string, string>;
  assessmentXml: string;
  assessment: Node;
}

function qtiPackage(result: ExportResult, name: string): Package {
  const files = unzip(result, `qti/${name}.zip`);
  const assessmentXml = files[`${name}/${name}.xml`]!;
  const assessment = (parseXml(assessmentXml, ARRAYS).questestinterop as Node).assessment as Node;
  return { files, assessmentXml, assessment };
}

function groups(assessment: Node): Node[] {
  return ((assessment.section as Node[])[0]!.section as Node[]) ?? [];
}

function items(assessment: Node): Node[] {
  return groups(assessment).flatMap((s) => (s.item as Node[]) ?? []);
}

function item(assessment: Node, id: string): Node {
  const found = items(assessment).find((i) => i['@_ident'] === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

function meta(node: Node): Record<string, string> {
  const fields = ((node.itemmetadata as Node).qtimetadata as Node).qtimetadatafield as Node[];
  return Object.fromEntries(
    fields.map((f) => [f.fieldlabel as string, (f.fieldentry as string) ?? '']),
  );
}

function mattext(node: unknown): string {
  const m = ((node as Node).material as Node).mattext;
  return typeof m === 'string' ? m : (((m as Node)['#text'] as string | undefined) ?? '');
}

function labels(lid: Node): Record<string, string> {
  return Object.fromEntries(
    ((lid.render_choice as Node).response_label as Node[]).map((l) => [
      l['@_ident'] as string,
      mattext(l),
    ]),
  );
}

function conditions(node: Node): Node[] {
  return ((node.resprocessing as Node).respcondition as Node[]).filter(
    (r) => !('other' in (r.conditionvar as Node)),
  );
}

function varequals(condition: Node): Node[] {
  const c = condition.conditionvar as Node;
  return [
    ...((c.varequal as Node[]) ?? []),
    ...(((c.or as Node | undefined)?.varequal as Node[]) ?? []),
    ...(((c.and as Node | undefined)?.varequal as Node[]) ?? []),
  ];
}

const value = (v: Node) => v['#text'] as string;

const fixtures = useFixtures();

describe('QTI package for Canvas, whole bank', () => {
  let pkg: Package;
  let result: ExportResult;
  beforeAll(() => {
    result = exportFormats(fixtures.basic.content, { formats: ['qti'] });
    pkg = qtiPackage(result, 'question-bank');
  });

  test('the zip holds the manifest, the assessment and Canvas’s quiz settings, and the manifest names them', () => {
    expect(Object.keys(pkg.files).sort()).toEqual([
      'imsmanifest.xml',
      'question-bank/assessment_meta.xml',
      'question-bank/question-bank.xml',
    ]);
    const manifest = parseXml(pkg.files['imsmanifest.xml']!, ARRAYS).manifest as Node;
    const hrefs = ((manifest.resources as Node).resource as Node[]).flatMap((r) =>
      (r.file as Node[]).map((f) => f['@_href']),
    );
    expect(hrefs.sort()).toEqual([
      'question-bank/assessment_meta.xml',
      'question-bank/question-bank.xml',
    ]);
    expect(((manifest.resources as Node).resource as Node[])[0]!['@_type']).toBe('imsqti_xmlv1p2');
  });

  test('the assessment is valid IMS QTI ASI 1.2', async () => {
    expect(await schemaErrors(pkg.assessmentXml)).toEqual([]);
  });

  test('the schema check does catch an invalid item', async () => {
    const broken = pkg.assessmentXml.replace('<presentation>', '<presentation><unknown_element/>');
    expect((await schemaErrors(broken)).length).toBeGreaterThan(0);
  });

  test('one plain section per article, without question groups', () => {
    const sections = groups(pkg.assessment);
    expect(sections.map((s) => s['@_title'])).toEqual([
      'Russia Studying U.S. Missile Defense Plans, Still Wants Guarantees',
    ]);
    expect(sections[0]!.selection_ordering).toBeUndefined();
  });

  test('each item carries its Canvas question type and points', () => {
    const types = Object.fromEntries(
      items(pkg.assessment).map((i) => [
        i['@_ident'],
        [meta(i).question_type, Number(meta(i).points_possible)],
      ]),
    );
    expect(types).toEqual({
      'caption-cloze': ['fill_in_multiple_blanks_question', 2],
      'caption-officials': ['multiple_choice_question', 1],
      'fixed-order-choice': ['multiple_choice_question', 1],
      'guarantees-dropped': ['true_false_question', 1],
      'interceptor-count': ['numerical_question', 2],
      'one-blank-cloze': ['fill_in_multiple_blanks_question', 1],
      'topics-discussed': ['multiple_answers_question', 2],
      'where-he-spoke': ['short_answer_question', 1],
      'who-said-what': ['matching_question', 3],
      'why-guarantees': ['essay_question', 5],
      'withdrawal-year': ['numerical_question', 1],
    });
  });

  test('ordering is left out with a warning naming it', () => {
    expect(result.warnings.find((w) => w.message.includes('ordering'))?.ids).toEqual([
      'order-of-events',
    ]);
  });

  test('choice items score the right answers', () => {
    const single = item(pkg.assessment, 'caption-officials');
    const options = labels(((single.presentation as Node).response_lid as Node[])[0]!);
    expect(options[value(varequals(conditions(single)[0]!)[0]!)]).toBe(
      'John Kerry and Sergei Lavrov',
    );
    const multiple = item(pkg.assessment, 'topics-discussed');
    const multi = labels(((multiple.presentation as Node).response_lid as Node[])[0]!);
    const and = (conditions(multiple)[0]!.conditionvar as Node).and as Node;
    expect((and.varequal as Node[]).map((v) => multi[value(v)]).sort()).toEqual([
      'Missile defense',
      "NATO's planned withdrawal from Afghanistan",
      'The situation in Syria',
    ]);
    const tf = item(pkg.assessment, 'guarantees-dropped');
    expect(
      labels(((tf.presentation as Node).response_lid as Node[])[0]!)[
        value(varequals(conditions(tf)[0]!)[0]!)
      ],
    ).toBe('False');
  });

  test('short answer, numeric range and essay', () => {
    expect(varequals(conditions(item(pkg.assessment, 'where-he-spoke'))[0]!).map(value)).toEqual([
      'Brussels',
      'Brussels, Belgium',
      'NATO headquarters in Brussels',
    ]);
    const range = (conditions(item(pkg.assessment, 'interceptor-count'))[0]!.conditionvar as Node)
      .or as Node;
    expect(
      [(range.and as Node).vargte, (range.and as Node).varlte].map((v) => (v as Node)['#text']),
    ).toEqual(['0.5', '1.5']);
    const essay = item(pkg.assessment, 'why-guarantees');
    expect(((essay.presentation as Node).response_str as Node)['@_ident']).toBe('response1');
  });

  test('matching: each left side scores the match holding its right side; the distractor is an extra match', () => {
    const matching = item(pkg.assessment, 'who-said-what');
    const lids = (matching.presentation as Node).response_lid as Node[];
    const matches = labels(lids[0]!);
    expect(Object.values(matches).sort()).toEqual([
      'Moscow still wants guarantees',
      'Russia will leave the treaty',
      'We will not walk away',
      'the alliance is extremely concerned',
    ]);
    // Canvas reads a match's id from the digits of its ident: they must differ.
    expect(new Set(Object.keys(matches).map((k) => k.match(/\d+/)![0])).size).toBe(4);
    const scored = conditions(matching).map((c) => {
      const v = varequals(c)[0]!;
      const lid = lids.find((l) => l['@_ident'] === v['@_respident'])!;
      return [mattext(lid), matches[value(v)]];
    });
    expect(scored).toEqual([
      ['Rasmussen', 'the alliance is extremely concerned'],
      ['Lavrov', 'Moscow still wants guarantees'],
      ['Rasmussen (on Afghanistan)', 'We will not walk away'],
    ]);
  });

  test('cloze becomes fill in multiple blanks: [blankN] in the text, each blank’s answers as its choices', () => {
    const cloze = item(pkg.assessment, 'caption-cloze');
    expect(mattext(cloze.presentation)).toContain(
      'State [blank1] talks with <em>Russian</em> Foreign Minister [blank2] in Brussels.',
    );
    const lids = (cloze.presentation as Node).response_lid as Node[];
    expect(lids.map((l) => [l['@_ident'], Object.values(labels(l))])).toEqual([
      ['response_blank1', ['John Kerry', 'Kerry']],
      ['response_blank2', ['Sergei Lavrov', 'Lavrov']],
    ]);
  });

  test('every item’s general feedback gives the source and the evidence', () => {
    for (const question of fixtures.basic.content.bank.questions) {
      if (question.type === 'ordering') continue;
      const feedback = mattext(
        (item(pkg.assessment, question.id).itemfeedback as Node).flow_mat as Node,
      );
      expect(feedback, question.id).toBe(
        feedbackHtml(sourceNote(question, fixtures.basic.content.corpus), true),
      );
      expect(feedback).toContain('¶');
    }
  });
});

describe('QTI package for Canvas, a quiz', () => {
  let pkg: Package;
  let result: ExportResult;
  beforeAll(() => {
    result = exportFormats(fixtures.basic.content, {
      formats: ['qti'],
      quiz: blueprint(fixtures.basic, 'unit-quiz'),
    });
    pkg = qtiPackage(result, 'unit-quiz');
  });

  test('valid IMS QTI ASI 1.2', async () => {
    expect(await schemaErrors(pkg.assessmentXml)).toEqual([]);
  });

  test('each blueprint section is a Canvas question group picking the blueprint’s number', () => {
    const picked = groups(pkg.assessment).map((s) => {
      const selection = (s.selection_ordering as Node).selection as Node;
      return [
        s['@_title'],
        Number(selection.selection_number),
        Number((selection.selection_extension as Node).points_per_item),
        (s.item as Node[]).length,
      ];
    });
    expect(picked).toEqual([
      ['Choice questions', 3, 1, 4],
      ['Short answers', 2, 1, 5],
      ['Matching and ordering', 1, 3, 1],
      ['Extended response', 1, 5, 1],
    ]);
  });

  test('questions whose points differ from their group’s are named', () => {
    const named = result.warnings
      .filter((w) => w.message.includes('same points'))
      .flatMap((w) => w.ids);
    expect(named.sort()).toEqual(['caption-cloze', 'interceptor-count', 'topics-discussed']);
  });

  test('Canvas’s quiz settings carry the title, instructions and total points', () => {
    const quiz = parseXml(pkg.files['unit-quiz/assessment_meta.xml']!).quiz as Node;
    expect(quiz.title).toBe('Missile Defense Diplomacy / 2013');
    expect(quiz.description).toBe('<p>Answer every question. Cite the article where asked.</p>');
    expect(quiz.quiz_type).toBe('assignment');
    expect(Number(quiz.points_possible)).toBe(3 * 1 + 2 * 1 + 1 * 3 + 1 * 5);
    // fixed-order-choice keeps its order, and Canvas can only switch shuffling for the whole quiz.
    expect(quiz.shuffle_answers).toBe('false');
  });
});

describe('QTI escaping', () => {
  let pkg: Package;
  beforeAll(() => {
    pkg = qtiPackage(
      exportFormats(fixtures.escaping.content, {
        formats: ['qti'],
        quiz: blueprint(fixtures.escaping, 'escape-quiz'),
      }),
      'escape-quiz',
    );
  });

  test('valid IMS QTI ASI 1.2 with ]]>, markup, braces and non-Latin text everywhere', async () => {
    expect(await schemaErrors(pkg.assessmentXml)).toEqual([]);
  });

  test('texts read back as the bank’s HTML, with "<script>" escaped, never a tag', () => {
    for (const question of fixtures.escaping.content.bank.questions) {
      if (question.type === 'ordering' || question.type === 'cloze' || question.type === 'numeric')
        continue;
      const i = item(pkg.assessment, question.id);
      expect(mattext(i.presentation), question.id).toBe(toHtml(question.prompt));
      expect(mattext((i.itemfeedback as Node).flow_mat)).toContain('Лавров / 拉夫罗夫');
    }
    expect(mattext(item(pkg.assessment, 'esc-single').presentation)).not.toContain('<script>');
    expect(item(pkg.assessment, 'esc-single')['@_title']).toBe('esc-single');
    expect(groups(pkg.assessment).map((g) => g['@_title'])).toEqual([
      'Choice {1} & <2> ]]>',
      'Rest ~ = # :',
    ]);
  });

  test('brackets typed in a cloze text are not Canvas blanks', () => {
    const text = mattext(item(pkg.assessment, 'esc-cloze-two').presentation);
    expect(text.match(/\[blank\d+\]/g)).toEqual(['[blank1]', '[blank2]']);
    const lids = (item(pkg.assessment, 'esc-cloze-two').presentation as Node)
      .response_lid as Node[];
    expect(lids.map((l) => Object.values(labels(l)))).toEqual([['Лавров'], ['拉夫罗夫', '~=#:{}']]);
  });
});

describe('QTI question groups that lose questions', () => {
  test('a section whose pick needs left-out questions picks what Canvas has, and says which are missing', () => {
    const quiz = withSections(blueprint(fixtures.basic, 'unit-quiz'), [
      { title: 'Both', pick: 2, from: { types: ['matching', 'ordering'] } },
    ]);
    const result = exportFormats(fixtures.basic.content, { formats: ['qti'], quiz });
    const selection = (
      groups(qtiPackage(result, 'unit-quiz').assessment)[0]!.selection_ordering as Node
    ).selection as Node;
    expect(Number(selection.selection_number)).toBe(1);
    expect(result.warnings.find((w) => w.message.includes('picks 2'))?.ids).toEqual([
      'order-of-events',
    ]);
  });
});
