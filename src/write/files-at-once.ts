/**
 * How many file operations (copies, renames, removals) the writer keeps
 * running at once. One after another, the disk sits idle between each
 * open, write, rename and close; Node hands these calls to a small pool
 * of threads (four by default), so 16 in flight keeps that pool fed with
 * work while staying far below any machine's open-file limit.
 */
export const FILES_AT_ONCE = 16;
