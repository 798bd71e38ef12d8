/**
 * QTI 1.2 for Canvas ("QTI .zip file" import): a zip with imsmanifest.xml,
 * the assessment <name>/<name>.xml and Canvas's <name>/assessment_meta.xml
 * (quiz title, description, shuffling, points), laid out as Canvas's own
 * export and text2qti lay them out. Blueprint sections with `pick` become
 * Canvas question groups (a <section> with selection_number and
 * points_per_item); for the whole bank there is one plain section per
 * article. Ordering has no Canvas QTI type and is left out with a warning.
 */
import { zipSync } from 'fflate';
import { compareStrings } from '../errors.js';
import type { Question } from '../bank/question.js';
import { writeItem } from './qti-items.js';
import type { QtiQuestion } from './qti-question-types.js';
import { plainNumber, toHtml } from './text.js';
import { element, serializeXml, textElement, xmlDocument } from './xml.js';
import type { ExportFile, ExportGroup, ExportInput, ExportResult, ExportWarning } from './types.js';

export const QTI_NAMESPACE = 'http://www.imsglobal.org/xsd/ims_qtiasiv1p2';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const CP_NAMESPACE = 'http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1';
const CANVAS_NAMESPACE = 'http://canvas.instructure.com/xsd/cccv1p0';

interface QtiGroup {
  title: string;
  questions: QtiQuestion[];
  pick?: number;
  pointsPerItem?: number;
}

function isQti(question: Question): question is QtiQuestion {
  return question.type !== 'ordering';
}

/** The most common points value of a group (the smaller on a tie): Canvas gives one value to every question in a group. */
function commonPoints(questions: QtiQuestion[]): number {
  const counts = new Map<number, number>();
  for (const q of questions) counts.set(q.points, (counts.get(q.points) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
}

function qtiGroups(input: ExportInput, warn: (ids: string[], message: string) => void): QtiGroup[] {
  return input.groups.flatMap((group: ExportGroup): QtiGroup[] => {
    const questions = group.questions.filter(isQti);
    if (questions.length === 0) return [];
    if (group.pick === undefined) return [{ title: group.title, questions }];
    const pick = Math.min(group.pick, questions.length);
    if (pick < group.pick) {
      const missing = group.questions.filter((q) => !isQti(q)).map((q) => q.id);
      warn(
        missing.length > 0 ? missing : questions.map((q) => q.id),
        `section “${group.title}” picks ${group.pick}, but only ${questions.length} of its questions can go to Canvas, so its question group picks ${pick}; not in Canvas: ${missing.join(', ') || 'none'}`,
      );
    }
    const pointsPerItem = commonPoints(questions);
    const odd = questions.filter((q) => q.points !== pointsPerItem).map((q) => q.id);
    if (odd.length > 0) {
      warn(
        odd,
        `a Canvas question group gives every question the same points; section “${group.title}” uses ${plainNumber(pointsPerItem)}, so these questions lose their own points: ${odd.join(', ')}`,
      );
    }
    return [{ title: group.title, questions, pick, pointsPerItem }];
  });
}

function assessmentXml(input: ExportInput, groups: QtiGroup[]): string {
  const root = xmlDocument(
    'questestinterop',
    {
      'xmlns:xsi': XSI,
      'xsi:schemaLocation': `${QTI_NAMESPACE} http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd`,
    },
    QTI_NAMESPACE,
  );
  const assessment = element(root, 'assessment', { ident: input.name, title: input.title });
  const field = element(element(assessment, 'qtimetadata'), 'qtimetadatafield');
  textElement(field, 'fieldlabel', 'cc_maxattempts');
  textElement(field, 'fieldentry', '1');
  const rootSection = element(assessment, 'section', { ident: 'root_section' });
  groups.forEach((group, i) => {
    const section = element(rootSection, 'section', {
      ident: `${input.name}-section-${i + 1}`,
      title: group.title,
    });
    if (group.pick !== undefined && group.pointsPerItem !== undefined) {
      const selection = element(element(section, 'selection_ordering'), 'selection');
      textElement(selection, 'selection_number', group.pick);
      textElement(
        element(selection, 'selection_extension'),
        'points_per_item',
        plainNumber(group.pointsPerItem),
      );
    }
    for (const question of group.questions) writeItem(section, question, input.corpus);
  });
  return serializeXml(root);
}

function totalPoints(groups: QtiGroup[]): number {
  return groups.reduce(
    (sum, g) =>
      sum +
      (g.pick !== undefined && g.pointsPerItem !== undefined
        ? g.pick * g.pointsPerItem
        : g.questions.reduce((n, q) => n + q.points, 0)),
    0,
  );
}

/** Canvas's quiz settings file, read on import when the manifest lists it (QuizMetadataConverter). */
function assessmentMetaXml(input: ExportInput, groups: QtiGroup[], shuffle: boolean): string {
  const quiz = xmlDocument(
    'quiz',
    {
      identifier: input.name,
      'xmlns:xsi': XSI,
      'xsi:schemaLocation': `${CANVAS_NAMESPACE} https://canvas.instructure.com/xsd/cccv1p0.xsd`,
    },
    CANVAS_NAMESPACE,
  );
  textElement(quiz, 'title', input.title);
  textElement(
    quiz,
    'description',
    input.instructions === undefined ? '' : `<p>${toHtml(input.instructions)}</p>`,
  );
  textElement(quiz, 'shuffle_answers', shuffle ? 'true' : 'false');
  textElement(quiz, 'scoring_policy', 'keep_highest');
  // The whole bank becomes an ungraded practice quiz; a blueprint becomes a graded one.
  textElement(quiz, 'quiz_type', input.quiz ? 'assignment' : 'practice_quiz');
  textElement(quiz, 'points_possible', plainNumber(totalPoints(groups)));
  textElement(quiz, 'show_correct_answers', 'true');
  textElement(quiz, 'allowed_attempts', '1');
  textElement(quiz, 'available', 'false');
  return serializeXml(quiz);
}

function manifestXml(name: string): string {
  const manifest = xmlDocument('manifest', { identifier: `${name}-manifest` }, CP_NAMESPACE);
  const metadata = element(manifest, 'metadata');
  textElement(metadata, 'schema', 'IMS Content');
  textElement(metadata, 'schemaversion', '1.1.3');
  element(manifest, 'organizations');
  const resources = element(manifest, 'resources');
  const assessment = element(resources, 'resource', { identifier: name, type: 'imsqti_xmlv1p2' });
  element(assessment, 'file', { href: `${name}/${name}.xml` });
  element(assessment, 'dependency', { identifierref: `${name}-meta` });
  const meta = element(resources, 'resource', {
    identifier: `${name}-meta`,
    type: 'associatedcontent/imscc_xmlv1p1/learning-application-resource',
    href: `${name}/assessment_meta.xml`,
  });
  element(meta, 'file', { href: `${name}/assessment_meta.xml` });
  return serializeXml(manifest);
}

/** Deterministic zip: sorted entries, fixed times. */
export function zipFiles(files: ExportFile[]): Uint8Array {
  // Zip stores local time, read back through the local time zone: a date built from local
  // fields at the moment of zipping gives the same bytes in every time zone.
  const mtime = new Date(2000, 0, 1, 12, 0, 0);
  const entries = [...files].sort((a, b) => compareStrings(a.path, b.path));
  const encoder = new TextEncoder();
  return zipSync(
    Object.fromEntries(
      entries.map((f) => [
        f.path,
        [typeof f.data === 'string' ? encoder.encode(f.data) : f.data, { mtime }],
      ]),
    ),
    { level: 9 },
  );
}

export function exportQti(input: ExportInput): ExportResult {
  const warnings: ExportWarning[] = [];
  const warn = (ids: string[], message: string) => warnings.push({ format: 'qti', ids, message });
  const ordering = input.groups
    .flatMap((g) => g.questions)
    .filter((q) => q.type === 'ordering')
    .map((q) => q.id);
  if (ordering.length > 0)
    warn(ordering, `Canvas QTI has no ordering question type; left out: ${ordering.join(', ')}`);
  const groups = qtiGroups(input, warn);
  const choice = groups
    .flatMap((g) => g.questions)
    .filter((q) => q.type === 'single' || q.type === 'multiple');
  const fixed = choice.filter((q) => q.fixedOrder).map((q) => q.id);
  if (fixed.length > 0 && fixed.length < choice.length) {
    warn(
      fixed,
      `Canvas shuffles answers for a whole quiz, not per question; shuffling is off because these questions keep their options in order: ${fixed.join(', ')}`,
    );
  }
  const name = input.name;
  const zip = zipFiles([
    { path: 'imsmanifest.xml', data: manifestXml(name) },
    { path: `${name}/${name}.xml`, data: assessmentXml(input, groups) },
    {
      path: `${name}/assessment_meta.xml`,
      data: assessmentMetaXml(input, groups, fixed.length === 0),
    },
  ]);
  return { files: [{ path: `qti/${name}.zip`, data: zip }], warnings };
}
