/**
 * Watches the folders a preview depends on: corpus/, questions/ and
 * templates/, with chokidar. Node's own recursive fs.watch is not enough
 * on Linux with Node 20: after an editor saves by writing a temporary file
 * and renaming it over the original (vim, VS Code, most IDEs), it reports
 * nothing more for that file. chokidar watches folders, follows such
 * renames, picks up new subfolders, and notices a watched folder being
 * created, deleted or replaced. A burst of events (one save often gives
 * several) becomes one change after a short quiet period.
 */
import path from 'node:path';
import chokidar from 'chokidar';

/** The project folders whose files feed a preview. */
export const WATCHED_FOLDERS = ['corpus', 'questions', 'templates'] as const;

export interface WatchOptions {
  /** Quiet time after the last event before reporting, ms. */
  debounceMs?: number;
  /** Called once per burst with the project-relative paths that changed, sorted. */
  onChange(changed: string[]): void;
  /** A folder could not be watched (reported, never thrown: the server keeps running). */
  onError(message: string): void;
}

export interface ProjectWatcher {
  /** Resolves once the folders are being watched. */
  ready: Promise<void>;
  close(): Promise<void>;
}

const DEFAULT_DEBOUNCE_MS = 40;

/** Editors' temporary and backup files: a save through them ends with an event for the real name. */
export function isEditorScratch(name: string): boolean {
  const base = path.basename(name);
  return (
    base.startsWith('.') ||
    base.endsWith('~') ||
    /\.(swp|swx|swo|tmp|bak|crswap)$/i.test(base) ||
    /^#.*#$/.test(base) ||
    base === '4913'
  );
}

export function watchProject(root: string, options: WatchOptions): ProjectWatcher {
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const flush = (): void => {
    timer = undefined;
    if (closed || pending.size === 0) return;
    const changed = [...pending].sort();
    pending.clear();
    options.onChange(changed);
  };

  const watcher = chokidar.watch([...WATCHED_FOLDERS], {
    cwd: root,
    ignoreInitial: true,
    // Only the file's own name: a project may well live inside a dot-folder.
    ignored: (file: string) => isEditorScratch(file),
    disableGlobbing: true,
  });
  watcher.on('all', (_event, file) => {
    if (closed) return;
    pending.add(file.split(path.sep).join('/'));
    clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  });
  let warned = false;
  watcher.on('error', (error) => {
    if (warned) return;
    warned = true;
    options.onError(`cannot watch the project for changes (${(error as Error).message})`);
  });
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  return {
    ready,
    async close(): Promise<void> {
      closed = true;
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
