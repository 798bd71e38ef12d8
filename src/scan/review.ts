/**
 * The review page: an HTML page that shows each doubt's picture next to
 * the copy's own question and options, the reading handout proposes, and
 * the line to write in the corrections file. The pictures are files in a
 * folder beside it (written while the pages were read, never all held in
 * memory); the page uses the bundled fonts, like every other page.
 */
import { renderTemplate, type Environment } from '../render/env.js';
import { pageFrame } from '../render/page.js';
import type { Blueprint } from '../quiz/blueprint.js';
import type { Student } from '../quiz/copy.js';
import { copyLabel } from './keys.js';
import type { ScanResult } from './scan-result.js';

/** The review page's pictures folder, beside it. */
export const PICTURES_FOLDER = 'review';

const pictureUrl = (name: string | undefined) => (name ? `${PICTURES_FOLDER}/${name}` : undefined);

export function renderReview(
  env: Environment,
  context: {
    blueprint: Blueprint;
    seed: number;
    result: ScanResult;
    correctionsFile: string;
    /** Relative URL of out/assets from the review page. */
    assetsUrl: string;
    roster?: readonly Student[];
  },
): string {
  const { result, blueprint } = context;
  const scanned = new Set(result.copies.map((c) => c.copy.student?.id).filter(Boolean));
  return renderTemplate(env, 'scan/review.njk', {
    ...pageFrame({
      title: `Scan review — ${blueprint.title}`,
      paper: blueprint.paper,
      assetsUrl: context.assetsUrl,
      headerLeft: blueprint.title,
      headerRight: 'Scan review',
      footerLeft: `${blueprint.id} · seed ${context.seed}`,
    }),
    quiz: { id: context.blueprint.id, title: context.blueprint.title, seed: context.seed },
    copies: result.copies.length,
    pages: result.files.reduce((n, f) => n + f.pages, 0),
    corrected: result.corrected,
    corrections_file: context.correctionsFile,
    files: result.files,
    doubts: result.doubts.map((d) => {
      const item = d.item !== undefined ? d.copy?.items[d.item - 1] : undefined;
      const p = item?.presentation;
      return {
        key: d.key,
        key_json: JSON.stringify(d.key),
        where: d.page ? `${d.file}, page ${d.page}` : d.file,
        copy_label: d.copy ? copyLabel(d.copy, d.copy.student?.id ?? '') : undefined,
        problem: d.problem,
        proposed: d.proposed,
        item: d.item,
        question: item
          ? {
              prompt: item.question.prompt ?? '',
              options: p && (p.type === 'single' || p.type === 'multiple') ? p.options : [],
            }
          : undefined,
        picture: pictureUrl(d.picture),
      };
    }),
    set_aside: result.setAside.map((p) => ({ ...p, picture: pictureUrl(p.picture) })),
    notes: result.notes,
    missing: (context.roster ?? []).filter((s) => !scanned.has(s.id)),
  });
}

/** The responses CSV (formats.md §5) from the copies read: roster order, then versions by ID. */
export function responsesRows(
  result: ScanResult,
  itemCount: number,
  roster?: readonly Student[],
): string[][] {
  const order = new Map((roster ?? []).map((s, i) => [s.id, i]));
  // Version copies with no ID come after the identified ones of their version, in scan order (the sort is stable).
  const copies = [...result.copies].sort((a, b) => {
    const ra = a.copy.student ? (order.get(a.copy.student.id) ?? 0) : Infinity;
    const rb = b.copy.student ? (order.get(b.copy.student.id) ?? 0) : Infinity;
    if (ra !== rb) return ra - rb;
    if (a.copy.version !== b.copy.version) return a.copy.version < b.copy.version ? -1 : 1;
    if (!a.unidentified !== !b.unidentified) return a.unidentified ? 1 : -1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  const header = ['id', 'version', ...Array.from({ length: itemCount }, (_, i) => String(i + 1))];
  return [
    header,
    ...copies.map((c) => [
      // A copy with no ID is an anonymous copy (formats.md §5): its version letter is its id.
      c.unidentified ? c.copy.version : c.id,
      c.copy.version,
      ...Array.from({ length: itemCount }, (_, i) => c.answers.get(i + 1) ?? ''),
    ]),
  ];
}
