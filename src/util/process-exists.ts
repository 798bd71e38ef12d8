/**
 * Whether a process id is still in use. Folders a run names after its
 * process (out/.staging-<pid>-*, the browser's handout-chromium-<pid>-*)
 * are left behind only when that run was killed outright; once the process
 * is gone, the next run may remove them.
 */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0); // Signal 0 only checks that the process exists.
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
