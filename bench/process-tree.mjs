/**
 * Timing a whole process and the peak resident memory of its process tree
 * (the process and everything it starts), sampled from /proc every 20 ms.
 * Shared by the benchmark scripts.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';

/** Resident memory (kB) of a process and all its descendants, from /proc. */
export function treeRss(rootPid) {
  if (!existsSync('/proc/self/stat')) return 0;
  const children = new Map();
  const rss = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const parent = Number(fields[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
      rss.set(Number(entry), Number(fields[21]) * 4); // pages of 4 kB
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop();
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs a command once; returns wall seconds and the peak memory of its process tree. */
export function once(command, commandArgs, options = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, commandArgs, { stdio: ['ignore', 'ignore', 'pipe'], ...options });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid))), 20);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      if (code !== 0)
        reject(new Error(`${command} ${commandArgs.join(' ')} exited ${code}\n${stderr}`));
      else resolve({ seconds: (performance.now() - started) / 1000, peakKb: peak });
    });
  });
}
