/**
 * The documents handout prints for a class pack, written out as HTML files
 * for the floor script: the same code (dist/) plans the quiz and cuts the
 * packs into the same chunks, so the floor prints exactly what handout
 * prints, with nothing of handout around it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './measure.mjs';

const dist = (file) => import(pathToFileURL(path.join(ROOT, 'dist', file)).href);

/**
 * Writes `floor-N.html` beside each PDF handout would print (so relative
 * URLs, the fonts among them, resolve the same way) under `outDir`, which
 * must hold a handout run's `assets/`. Returns the folders written to.
 */
export async function writePrintJobs({ projectDir, quizId, rosterFile, outDir }) {
  const [
    { openProject },
    { requireContent },
    { planQuiz },
    { rosterName },
    { packPrintJobs },
    { loadRoster },
    { pdfDate },
  ] = await Promise.all([
    dist('project.js'),
    dist('content.js'),
    dist('produce/quiz-plan.js'),
    dist('produce/class-roster.js'),
    dist('produce/print-packs.js'),
    dist('quiz/roster.js'),
    dist('produce/produce.js'),
  ]);
  const project = openProject(projectDir, projectDir);
  const { content } = await requireContent(project);
  const blueprint = content.blueprints.find((b) => b.id === quizId);
  const roster = path.resolve(projectDir, rosterFile);
  const plan = planQuiz(content, blueprint, {
    seed: blueprint.seed,
    formats: ['pdf'],
    versions: blueprint.versions,
    roster: { name: rosterName(roster), students: await loadRoster(roster) },
    versionsWithRoster: false,
    split: false,
    duplex: blueprint.duplex,
  });
  const jobs = [
    ...plan.documents
      .filter((d) => d.writePdf)
      .map((d) => ({ folder: path.dirname(d.path), html: d.render() })),
    ...plan.packs.flatMap((pack) =>
      // PDF only: no copy's own page comes with its part.
      packPrintJobs(pack, { baseUrl: 'file:///', date: pdfDate(pack.dateSeed) }, () => {}).map(
        (job) => ({
          folder: path.dirname(pack.path),
          html: typeof job.html === 'function' ? job.html() : job.html,
        }),
      ),
    ),
  ];
  const folders = new Set();
  jobs.forEach((job, i) => {
    const folder = path.join(outDir, job.folder);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `floor-${String(i + 1).padStart(3, '0')}.html`), job.html);
    folders.add(folder);
  });
  return [...folders];
}
