/** `handout preview` as a teacher runs it: a real process, stopped with Ctrl-C. */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeProject, REPO } from '../helpers/project.js';
import { startPreview } from '../../src/preview/server.js';

/** Every process below `pid` (Chromium and its helpers), from /proc. */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // Ended while we looked.
    }
  }
  const found: number[] = [];
  const stack = [pid];
  while (stack.length) {
    for (const child of children.get(stack.pop()!) ?? []) {
      stack.push(child);
      found.push(child);
    }
  }
  return found;
}

/** Running, and not a zombie (an exited process whose parent has not collected it yet). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** The processes of `pids` still alive after up to `ms`, with their command lines. */
async function survivors(pids: number[], ms: number): Promise<string[]> {
  const deadline = Date.now() + ms;
  let left = pids.filter(alive);
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    left = left.filter(alive);
  }
  return left.map((pid) => {
    try {
      return `${pid} ${readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').slice(0, 120)}`;
    } catch {
      return String(pid);
    }
  });
}

/** Status and body of a GET, or the connection error's code. */
function get(url: string): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = request(url, (res) => {
      let body = '';
      res.setEncoding('latin1');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? 'error' }));
    req.end();
  });
}

describe('handout preview on the command line', () => {
  it('is the next step handout init prints', async () => {
    const parent = makeProject({}, { corpus: false });
    const created = await runCli(['init', 'my-unit'], parent);
    expect(created.code).toBe(0);
    expect(created.stderr).toContain('Next: cd my-unit && handout preview --open');
  });

  it('refuses a port that is not a number before starting anything', async () => {
    const root = makeProject({});
    const result = await runCli(['preview', '--port', 'eighty'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--port "eighty" is not a port number');
  });

  it('takes the next free port when the one asked for is in use, and says so', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as AddressInfo).port;
    const lines: string[] = [];
    const preview = await startPreview({
      root: makeProject({}),
      cwd: REPO,
      host: '127.0.0.1',
      port: taken,
      // Nothing is printed in this test.
      printer: { printAll: () => Promise.reject(new Error('no printing here')) },
      log: (line) => lines.push(line),
    });
    try {
      expect(preview.port).toBeGreaterThan(taken);
      expect(preview.url).toBe(`http://127.0.0.1:${preview.port}/`);
      expect(await get(preview.url)).toMatchObject({ status: 200 });
    } finally {
      await preview.close();
      blocker.close();
    }
  });

  it('stops on Ctrl-C: open pages are told, the port closes, the printing Chromium exits', async () => {
    const bin = path.join(REPO, 'dist/bin.js');
    expect(existsSync(bin), 'build first: npm run build').toBe(true);
    const parent = makeProject({}, { corpus: false });
    await runCli(['init', 'unit'], parent);
    const child = spawn(process.execPath, [bin, 'preview', '--port', '0'], {
      cwd: path.join(parent, 'unit'),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stderr.setEncoding('utf8');
        child.stderr.on('data', (chunk: string) => {
          log += chunk;
          const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(log);
          if (found) resolve(found[0]);
        });
        void exited.then(() => reject(new Error(`preview exited early:\n${log}`)));
      });
      // A print view starts the Chromium that prints.
      const pdf = await get(`${url}quizzes/starter-quiz/version-A.pdf`);
      expect('status' in pdf && pdf.status, log).toBe(200);
      expect('body' in pdf && pdf.body.startsWith('%PDF-')).toBe(true);
      const browsers = descendants(child.pid!);
      expect(browsers.length).toBeGreaterThan(0);

      // An open page's event stream, which must hear "bye".
      let events = '';
      let connected!: () => void;
      const open = new Promise<void>((resolve) => (connected = resolve));
      const stream = new Promise<void>((resolve) => {
        request(`${url}_preview/events?page=%2F`, (res) => {
          // The server has answered: the stream is open, so Ctrl-C must reach it.
          connected();
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (events += chunk));
          res.on('end', () => resolve());
          res.on('error', () => resolve());
        }).end();
      });
      await open;

      child.kill('SIGINT');
      expect(await exited).toBe(130);
      await stream;
      expect(events).toContain('event: bye');
      expect(log).toContain('handout preview: stopped');
      // Waits only as long as a browser process takes to go (30 s of patience for a loaded machine).
      expect(await survivors(browsers, 30_000)).toEqual([]);
      expect(await get(url)).toEqual({ error: 'ECONNREFUSED' });
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
