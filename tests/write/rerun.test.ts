/**
 * A run into an out/ that an earlier run filled: files whose bytes did not
 * change are kept as they are (linked into the run, not written again, see
 * src/write/stage-file.ts), yet out/ ends exactly as if every file had been
 * written: hand edits are undone, links to files elsewhere are never
 * written through, and a failed run leaves out/ as it was.
 */
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withWriter, type OutputWriter } from '../../src/write/writer.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'handout-rerun-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A run like a class's: pages in a folder whose pages it owns, and a file beside it. */
function run(
  out: string,
  pages: Record<string, string>,
  fail?: (writer: OutputWriter) => Promise<void>,
) {
  return withWriter(out, async (writer) => {
    writer.own('class/copies', /\.html$/);
    for (const [name, html] of Object.entries(pages))
      await writer.add(`class/copies/${name}`, html);
    await writer.add('class/booklet.html', `<p>${Object.keys(pages).length} pages</p>`);
    await fail?.(writer);
  });
}

const read = (file: string) => readFileSync(file, 'utf8');
const inode = (file: string) => statSync(file).ino;

describe('a rerun into the same out/', () => {
  it('keeps unchanged files as they are, writes changed ones, drops those no longer made', async () => {
    const out = mkdtempSync(path.join(scratch, 'out-'));
    const copies = path.join(out, 'class/copies');
    await run(out, { 'a.html': 'Ana', 'b.html': 'Ben', 'c.html': 'Cai' });
    const before = { a: inode(path.join(copies, 'a.html')), b: inode(path.join(copies, 'b.html')) };
    const booklet = inode(path.join(out, 'class/booklet.html'));
    const { files } = await run(out, { 'a.html': 'Ana', 'b.html': 'Benedict' });
    expect(readdirSync(copies).sort()).toEqual(['a.html', 'b.html']);
    expect(read(path.join(copies, 'a.html'))).toBe('Ana');
    expect(read(path.join(copies, 'b.html'))).toBe('Benedict');
    expect(inode(path.join(copies, 'a.html'))).toBe(before.a);
    expect(inode(path.join(copies, 'b.html'))).not.toBe(before.b);
    expect(read(path.join(out, 'class/booklet.html'))).toBe('<p>2 pages</p>');
    expect(inode(path.join(out, 'class/booklet.html'))).not.toBe(booklet);
    // Each file is one link: nothing of the run is left beside out/'s files.
    expect(statSync(path.join(copies, 'a.html')).nlink).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['class']);
    expect(files.map((f) => f.path)).toEqual([
      'class/booklet.html',
      'class/copies/a.html',
      'class/copies/b.html',
    ]);
  });

  it("keeps the teacher's own files among the pages it owns, whether it writes pages there or none", async () => {
    const out = mkdtempSync(path.join(scratch, 'out-'));
    const copies = path.join(out, 'class/copies');
    await run(out, { 'a.html': 'Ana', 'b.html': 'Ben' });
    writeFileSync(path.join(copies, 'notes.docx'), 'mine');
    const { removed } = await run(out, { 'a.html': 'Ana' });
    expect(readdirSync(copies).sort()).toEqual(['a.html', 'notes.docx']);
    expect(removed).toEqual({ files: ['class/copies/b.html'], retired: [], folders: [] });
    const none = await run(out, {});
    expect(readdirSync(copies)).toEqual(['notes.docx']);
    expect(read(path.join(copies, 'notes.docx'))).toBe('mine');
    expect(none.removed).toEqual({ files: ['class/copies/a.html'], retired: [], folders: [] });
    rmSync(path.join(copies, 'notes.docx'));
    await run(out, { 'a.html': 'Ana' });
    expect((await run(out, {})).removed).toEqual({
      files: ['class/copies/a.html'],
      retired: [],
      folders: ['class/copies'],
    });
    expect(existsSync(copies)).toBe(false);
  });

  it('writes anew a file changed by hand, and never writes through a link to a file elsewhere', async () => {
    const out = mkdtempSync(path.join(scratch, 'out-'));
    const copies = path.join(out, 'class/copies');
    await run(out, { 'a.html': 'Ana', 'b.html': 'Ben' });
    writeFileSync(path.join(copies, 'a.html'), 'Ana, corrected by hand');
    // The teacher's own file, shown in out/ through a link, holding what the run writes there.
    const own = path.join(scratch, 'teachers-own.html');
    writeFileSync(own, 'Ben');
    rmSync(path.join(copies, 'b.html'));
    symlinkSync(own, path.join(copies, 'b.html'));
    await run(out, { 'a.html': 'Ana', 'b.html': 'Ben' });
    expect(read(path.join(copies, 'a.html'))).toBe('Ana');
    expect(statSync(path.join(copies, 'b.html')).isFile()).toBe(true);
    expect(inode(path.join(copies, 'b.html'))).not.toBe(inode(own));
    await run(out, { 'a.html': 'Ana', 'b.html': 'Benedict' });
    expect(read(own)).toBe('Ben');
  });

  it('leaves out/ as it was when the run fails, even after staging an unchanged file twice', async () => {
    const out = mkdtempSync(path.join(scratch, 'out-'));
    const copies = path.join(out, 'class/copies');
    await run(out, { 'a.html': 'Ana', 'b.html': 'Ben' });
    const a = inode(path.join(copies, 'a.html'));
    const failed = run(out, { 'a.html': 'Ana', 'b.html': 'Ben' }, async (writer) => {
      // Staged again with other bytes: written to a file of its own, not into out/'s.
      await writer.add('class/copies/a.html', 'Ana, second version');
      expect(read(path.join(copies, 'a.html'))).toBe('Ana');
      throw new Error('a page could not be rendered');
    });
    await expect(failed).rejects.toThrow('a page could not be rendered');
    expect(read(path.join(copies, 'a.html'))).toBe('Ana');
    expect(inode(path.join(copies, 'a.html'))).toBe(a);
    expect(read(path.join(copies, 'b.html'))).toBe('Ben');
    expect(readdirSync(out)).toEqual(['class']);
    // The same, committed: the second version is what out/ keeps.
    await run(out, { 'a.html': 'Ana' }, async (writer) => {
      await writer.add('class/copies/a.html', 'Ana, second version');
    });
    expect(read(path.join(copies, 'a.html'))).toBe('Ana, second version');
    expect(existsSync(path.join(copies, 'b.html'))).toBe(false);
  });
});
