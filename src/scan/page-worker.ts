/** The worker thread of src/scan/pool.ts: reads the pages it is sent, one at a time, in order. */
import { parentPort, workerData } from 'node:worker_threads';
import sharp from 'sharp';
import type { WorkerJob, WorkerReply } from './pool.js';
import { readScanPage, type ReadContext } from './read-page.js';

const context = workerData as ReadContext;
// One thread of libvips per worker: there is a worker per core already.
sharp.concurrency(1);
let queue: Promise<void> = Promise.resolve();

parentPort?.on('message', ({ id, job }: WorkerJob) => {
  queue = queue.then(async () => {
    let reply: WorkerReply;
    try {
      reply = { id, outcome: await readScanPage(job, context) };
    } catch (error) {
      reply = {
        id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      };
    }
    parentPort?.postMessage(reply);
  });
});
