/**
 * Chromium's tagged PDFs give structure elements such as table headers an
 * /ID of the form (nodeNNNNNNNN), taken from a DOM node counter whose values
 * differ from run to run (their order does not). Replacing each ID by its
 * rank, written with the same number of digits, makes the bytes repeatable
 * without moving any offset, and keeps the sorted order the PDF's ID tree
 * relies on.
 */
const NODE_ID = /\(node(\d+)\)/g;

export function renumberStructureIds(pdf: Uint8Array): Uint8Array {
  // latin1 maps each byte to one character, so string indices are byte offsets.
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const matches = [...text.matchAll(NODE_ID)];
  if (matches.length === 0) return pdf;
  const distinct = [...new Set(matches.map((m) => m[1]!))].sort((a, b) =>
    BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0,
  );
  const rank = new Map(distinct.map((id, i) => [id, String(i + 1)]));
  const out = Buffer.from(pdf);
  for (const match of matches) {
    const digits = match[1]!;
    const replacement = rank.get(digits)!.padStart(digits.length, '0');
    // A rank never needs more digits than the counter it replaces, but check.
    if (replacement.length !== digits.length) return pdf;
    out.write(replacement, (match.index ?? 0) + '(node'.length, 'latin1');
  }
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
