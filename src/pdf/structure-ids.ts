/**
 * Chromium's tagged PDFs give table header cells an /ID (nodeNNNNNNNN) taken
 * from DOM node ids, which are assigned in an order that differs from run to
 * run; data cells refer to them in /Headers, and the IDTree maps each ID to
 * its structure element. The elements themselves are written in a stable
 * order with stable object numbers, so we rename every ID after the object it
 * names (the element with the lowest object number gets node00000001), then
 * rewrite the IDTree's entries (and their limits) in the new sorted order. Every replacement has
 * the same length as what it replaces, so no byte offset moves.
 */
const NODE_ID = /\(node(\d+)\)/g;
const ID_TREE_LEAF =
  /\/Limits \[\(node\d+\) \(node\d+\)\]\s*\/Names \[((?:\(node\d+\) \d+ \d+ R ?)+)\]/g;
const ID_TREE_ENTRY = /\(node(\d+)\) (\d+) (\d+) R/g;

export function renumberStructureIds(pdf: Uint8Array): Uint8Array {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  // Untagged (a pack's chunk, megabytes) or without tables: no IDs, and no
  // need to decode the file to find none.
  if (bytes.indexOf('/IDTree') === -1) return pdf;
  // latin1 maps each byte to one character, so string indices are byte offsets.
  const text = bytes.toString('latin1');
  const leaves = [...text.matchAll(ID_TREE_LEAF)];
  // Skia writes one leaf; anything else is left alone rather than guessed at.
  if (leaves.length !== 1) return pdf;
  const leaf = leaves[0]!;
  const entries = [...leaf[1]!.matchAll(ID_TREE_ENTRY)].map((m) => ({
    id: m[1]!,
    object: Number(m[2]),
    generation: m[3]!,
  }));
  const width = entries[0]?.id.length ?? 0;
  if (
    entries.length === 0 ||
    entries.some((e) => e.id.length !== width) ||
    String(entries.length).length > width
  )
    return pdf;
  const byObject = [...entries].sort((a, b) => a.object - b.object);
  const renamed = new Map(byObject.map((e, i) => [e.id, String(i + 1).padStart(width, '0')]));
  const out = Buffer.from(pdf);
  for (const match of text.matchAll(NODE_ID)) {
    const replacement = renamed.get(match[1]!);
    if (replacement === undefined || match[1]!.length !== width) return pdf;
    out.write(replacement, (match.index ?? 0) + '(node'.length, 'latin1');
  }
  // The leaf's entries must be sorted by ID: write them in object order,
  // which is now ID order. Same entries, same total length.
  const names = byObject
    .map((e) => `(node${renamed.get(e.id)}) ${e.object} ${e.generation} R`)
    .join(' ');
  if (names.length !== leaf[1]!.trimEnd().length) return pdf;
  out.write(names, (leaf.index ?? 0) + leaf[0].indexOf(leaf[1]!), 'latin1');
  const limits = `/Limits [(node${'1'.padStart(width, '0')}) (node${String(entries.length).padStart(width, '0')})]`;
  out.write(limits, leaf.index ?? 0, 'latin1');
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
