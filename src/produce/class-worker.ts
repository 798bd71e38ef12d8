/**
 * The thread that renders and writes half of a large class's own pages
 * (see class-pages.ts), once told where the run's staging folder is.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { HandoutError } from '../errors.js';
import { writeClassPages, type ClassWorkerData, type ClassWorkerReply } from './class-pages.js';

const port = parentPort!;
port.once('message', ({ staging }: { staging: string }) => {
  let reply: ClassWorkerReply;
  try {
    reply = writeClassPages(workerData as ClassWorkerData, staging);
  } catch (error) {
    // A teacher's template mistake comes back as the same message it gives on the main thread.
    const code = error instanceof HandoutError ? error.code : undefined;
    reply = { error: { message: (error as Error).message, code } };
  }
  port.postMessage(reply);
});
