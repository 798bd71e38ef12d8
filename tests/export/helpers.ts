/** Loading the export fixture projects, and small readers for the files exporters return. */
import { beforeAll } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, strFromU8 } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { requireContent, type Content } from '../../src/content.js';
import { projectAt } from '../../src/project.js';
import { loadBlueprints, type Blueprint, type BlueprintSection } from '../../src/quiz/blueprint.js';
import type { SectionFilter } from '../../src/quiz/blueprint-schema.js';
import { HandoutError, ProblemList } from '../../src/errors.js';
import type { ExportFile, ExportResult } from '../../src/export/types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURES = path.resolve(here, '..', 'fixtures');

export interface Fixture {
  content: Content;
  blueprints: Blueprint[];
}

/** Loads tests/fixtures/<name>; content with errors fails the test with every problem listed. */
export async function loadFixture(name: string): Promise<Fixture> {
  const project = projectAt(path.join(FIXTURES, name));
  const { content } = await requireContent(project).catch((error: unknown) => {
    const problems =
      error instanceof HandoutError
        ? error.problems.map((p) => `${p.line ?? ''}: ${p.message}`)
        : [];
    throw new Error([String(error), ...problems].join('\n'));
  });
  const problems = new ProblemList();
  const blueprints = await loadBlueprints(project.quizzesDir, problems);
  if (problems.errors.length > 0) throw new Error(problems.errors.map((p) => p.message).join('\n'));
  return { content, blueprints };
}

export function blueprint(fixture: Fixture, id: string): Blueprint {
  const found = fixture.blueprints.find((b) => b.id === id);
  if (!found) throw new Error(`no blueprint ${id}`);
  return found;
}

export function file(result: ExportResult, suffix: string): ExportFile {
  const found = result.files.find((f) => f.path.endsWith(suffix));
  if (!found)
    throw new Error(
      `no file ending in ${suffix}; files: ${result.files.map((f) => f.path).join(', ')}`,
    );
  return found;
}

export function text(result: ExportResult, suffix: string): string {
  const data = file(result, suffix).data;
  if (typeof data !== 'string') throw new Error(`${suffix} is binary`);
  return data;
}

export function unzip(result: ExportResult, suffix: string): Record<string, string> {
  const data = file(result, suffix).data;
  if (typeof data === 'string') throw new Error(`${suffix} is not a zip`);
  return Object.fromEntries(
    Object.entries(unzipSync(data)).map(([name, bytes]) => [name, strFromU8(bytes)]),
  );
}

/** An independent XML parser: attributes as "@_name", repeated elements always arrays where asked. */
export function parseXml(xml: string, arrays: string[] = []): Record<string, unknown> {
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    htmlEntities: false,
    isArray: (name) => arrays.includes(name),
  });
  return parser.parse(xml, true) as Record<string, unknown>;
}

/** The blueprint with other sections (for cases the fixture's blueprints do not cover). */
export function withSections(
  base: Blueprint,
  sections: { title: string; pick: number; from: SectionFilter }[],
): Blueprint {
  return {
    ...base,
    sections: sections.map((s, index): BlueprintSection => ({
      ...s,
      index,
      at: base.sections[0]!.at,
    })),
  };
}

/** Loads the two export fixtures once per test file; read them inside tests or hooks. */
export function useFixtures(): { readonly basic: Fixture; readonly escaping: Fixture } {
  const loaded: { basic?: Fixture; escaping?: Fixture } = {};
  beforeAll(async () => {
    [loaded.basic, loaded.escaping] = await Promise.all([
      loadFixture('export-basic'),
      loadFixture('export-escaping'),
    ]);
  });
  return {
    get basic() {
      return loaded.basic!;
    },
    get escaping() {
      return loaded.escaping!;
    },
  };
}
