/**
 * Fields that `handout corpus import` left blank with a `# FILL IN: ...`
 * comment. Lint names each one with the importer's own hint ("the page
 * header said: ..."), instead of a generic "is empty" message.
 */
import type { ProblemList } from '../errors.js';

const FILL_IN = /^([a-z_]+):\s*(?:""|'')?\s*#\s*FILL IN:\s*(.*)$/;

/** Reports each blank left by the importer; returns the fields, so schema checks do not report them twice. */
export function reportFillIns(
  file: string,
  frontMatter: string[],
  firstLine: number,
  problems: ProblemList,
): Set<string> {
  const fields = new Set<string>();
  frontMatter.forEach((line, i) => {
    const match = FILL_IN.exec(line);
    if (!match) return;
    const [, field, hint] = match;
    fields.add(field!);
    problems.error(
      { file, line: firstLine + i, column: 1 },
      'fill-in',
      `"${field}" is still to be filled in (corpus import could not find it): ${hint!.trim()}; write it after "${field}:" and delete the # FILL IN comment`,
    );
  });
  return fields;
}

/** A value that passes the schema, for a blank already reported. */
export const PLACEHOLDER: Record<string, string> = {
  published: '2000',
  title: '-',
  outlet: '-',
  summary: '-',
};
