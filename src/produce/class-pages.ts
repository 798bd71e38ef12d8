/**
 * A class's own pages: each student's copy and key as HTML. They are most
 * of a large class's work (1,000 students: 2,000 pages, 60 MB), and each
 * depends only on its student, so another thread (class-worker.ts) renders
 * and writes some of them while this one does the rest. Both threads
 * render with the same functions from the same inputs, so the pages are
 * the same bytes whichever thread made them.
 *
 * Which thread does which student is settled as they go (StudentClaims):
 * this thread takes students from the front of the roster, the other from
 * the back, until they meet. A fixed half each left one thread idle for a
 * second or more whenever the other was slower (it loads the project and
 * plans first; the other loads its own modules; a busy machine slows
 * either), and the run waits for the slower one.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Question } from '../bank/question.js';
import type { Corpus } from '../corpus/article.js';
import type { Blueprint } from '../quiz/blueprint.js';
import type { QuizCopy, Student } from '../quiz/copy.js';
import { classDraw } from '../quiz/draw.js';
import { pageCharacters } from '../render/fonts.js';
import { templateEnvironment, type Environment } from '../render/env.js';
import type { RenderFrame } from '../render/page.js';
import type { QuizRenderContext } from '../render/quiz-context.js';
import { renderCopy } from '../render/quiz-copy.js';
import { renderKey } from '../render/quiz-key.js';
import { classFills, renderedItems, type RenderedItems } from '../render/rendered-items.js';
import { renderMarkingGrid } from '../render/marking-grid.js';
import { HandoutError } from '../errors.js';
import { StagedFolder } from '../write/staged-folder.js';
import type { WrittenFile } from '../write/written-file.js';
import { assetsUrlFor, type PlannedBatch } from './plan.js';

/** Who has taken each student of the roster (shared memory, seen by both threads). */
export type StudentClaims = Int32Array;

const FREE = 0;
/** This thread (the one that plans the run) and the page-writing thread. */
export const MAIN_THREAD = 1;
export const PAGE_THREAD = 2;

export function studentClaims(students: number): StudentClaims {
  return new Int32Array(new SharedArrayBuffer(students * Int32Array.BYTES_PER_ELEMENT));
}

/**
 * Whether student `index` is `thread`'s to render: the first thread to ask
 * takes the student, atomically, and every later ask gets the same answer.
 */
export function claimStudent(claims: StudentClaims, index: number, thread: number): boolean {
  const before = Atomics.compareExchange(claims, index, FREE, thread);
  return before === FREE || before === thread;
}

/** Everything a student's pages depend on but the student: plain data, sent to the other thread as is. */
export interface ClassPagesSetup {
  templateDirs: string[];
  /** For the sources in full keys. */
  corpus: Corpus;
  /** Where the copies go: `<folder>/copies/<name>.html` and `<name>-key.html`. */
  packFolder: string;
  /** Compact keys: each question's number in the explanations booklet, and how the booklet is named. */
  booklet?: { numbers: Map<string, number>; name: string };
  answerSheet?: QuizRenderContext['answerSheet'];
}

export interface StudentPage {
  path: string;
  kind: 'quiz' | 'key';
  /** The page; with `frame`, rendered somewhere else instead (a pack, see render/page.ts renderPair). */
  render(frame?: RenderFrame): string;
}

/** What rendering a class's pages shares on one thread: templates and the cache of rendered questions. */
export interface ClassPagesRenderer {
  /** `copy` is drawn only when a page is rendered: another thread may take the student first. */
  pages(copy: () => QuizCopy, name: string): [StudentPage, StudentPage];
}

/** `items`: questions already rendered for the quiz's other documents, if any. */
export function classPagesRenderer(
  setup: ClassPagesSetup,
  items: RenderedItems = renderedItems(),
): ClassPagesRenderer {
  const env: Environment = templateEnvironment(setup.templateDirs);
  // The built-in templates are the last folder; the project's own come before them.
  const fills = classFills(env, setup.templateDirs.slice(0, -1), items);
  return {
    pages(copy, name) {
      const base = `${setup.packFolder}/copies/${name}`;
      const context: QuizRenderContext = {
        env,
        corpus: setup.corpus,
        assetsUrl: assetsUrlFor(`${base}.html`),
        items,
        fills,
        ...(setup.answerSheet ? { answerSheet: setup.answerSheet } : {}),
      };
      const booklet = setup.booklet;
      return [
        {
          path: `${base}.html`,
          kind: 'quiz',
          render: (frame) => renderCopy(copy(), { ...context, ...frame }),
        },
        {
          path: `${base}-key.html`,
          kind: 'key',
          render: (frame) =>
            booklet
              ? renderMarkingGrid(copy(), booklet, booklet.name, { ...context, ...frame })
              : renderKey(copy(), { ...context, ...frame }),
        },
      ];
    },
  };
}

/** What the other thread is given: the setup, the class, and how to draw its students' copies. */
export interface ClassWorkerData {
  setup: ClassPagesSetup;
  questions: readonly Question[];
  blueprint: Blueprint;
  seed: number;
  students: Student[];
  /** Each student's file name (copies/<name>.html). */
  names: string[];
  claims: StudentClaims;
}

/** What it sends back: the files it wrote into the staging folder, and the characters its pages use. */
export type ClassWorkerReply =
  | { files: (WrittenFile & { kind: string })[]; characters: number[] }
  | { error: { message: string; code: string | undefined } };

/**
 * Draws, renders and writes into `staging` the pages of the students the
 * page-writing thread can claim, from the back of the roster (the planning thread
 * takes them from the front).
 */
export function writeClassPages(
  data: ClassWorkerData,
  staging: string,
): { files: (WrittenFile & { kind: string })[]; characters: number[] } {
  const draw = classDraw(data.questions, data.blueprint, data.seed);
  const renderer = classPagesRenderer(data.setup);
  const folder = new StagedFolder(staging);
  const characters = new Set<number>();
  const files: (WrittenFile & { kind: string })[] = [];
  // Every student is asked for, not only down to the first one taken: the
  // planning thread takes its students as it renders them, which need not
  // be in roster order (pages rendered with a printed pack's chunks).
  for (let i = data.students.length - 1; i >= 0; i--) {
    if (!claimStudent(data.claims, i, PAGE_THREAD)) continue;
    const copy = draw.copy(data.students[i]!);
    for (const page of renderer.pages(() => copy, data.names[i]!)) {
      const html = page.render();
      pageCharacters(html, characters);
      files.push({ ...folder.write(page.path, html), kind: page.kind });
    }
  }
  return { files, characters: [...characters] };
}

/**
 * The worker's script: the bundle's own entry (dist/class-worker.js, from
 * the bundled chunk this code is in), else tsc's module beside this one.
 * From src/ (the tests) there is none: every page is then rendered here.
 */
const WORKER = ['../class-worker.js', './class-worker.js']
  .map((name) => fileURLToPath(new URL(name, import.meta.url)))
  .find((file) => existsSync(file));

/**
 * Below this many students a second thread costs more than it saves: it
 * loads the templates and draws on its own, some 0.2 s of CPU.
 */
export const THREAD_FROM_STUDENTS = 100;

/** Whether a class of `students` has its pages shared with another thread (see StudentClaims). */
export function shareClassPages(students: number): boolean {
  return WORKER !== undefined && students >= THREAD_FROM_STUDENTS && availableParallelism() > 1;
}

/**
 * Starts the other thread at once, so that it loads its modules while this
 * thread plans; it takes students only once the run's staging folder is
 * known (PlannedBatch.run), when this thread starts on them too.
 */
export function startClassWorker(data: ClassWorkerData): PlannedBatch {
  const worker = new Worker(WORKER!, { workerData: data });
  // Idle until run: a plan that is never produced must not keep the process alive.
  worker.unref();
  let settled = false;
  const reply = new Promise<ClassWorkerReply>((resolve, reject) => {
    worker.once('message', (message: ClassWorkerReply) => {
      settled = true;
      resolve(message);
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the page-rendering thread stopped (exit code ${code})`));
    });
  });
  // Not awaited until run: keep a failure from being reported as unhandled in the meantime.
  reply.catch(() => undefined);
  return {
    async run(staging) {
      worker.ref();
      worker.postMessage({ staging });
      const message = await reply;
      await worker.terminate();
      if ('error' in message)
        throw new HandoutError(message.error.message, {
          code: message.error.code ?? 'handout-error',
        });
      return message;
    },
    async stop() {
      await worker.terminate();
    },
  };
}
