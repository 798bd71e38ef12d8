/** Writing files so that a failed run never leaves a half-written one behind. */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

let counter = 0;

/** Writes to a temporary file beside the target, then renames it into place. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${counter++}.tmp`,
  );
  try {
    await writeFile(temp, data);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
