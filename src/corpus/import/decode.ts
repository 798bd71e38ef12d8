/**
 * Bytes to text, in the encoding the page declares, found the way browsers
 * find it: a byte-order mark, then the server's Content-Type header, then a
 * <meta charset> or XML declaration near the top of the page (the order of
 * the WHATWG encoding sniffing algorithm). Undeclared text is UTF-8 when it
 * is valid UTF-8, otherwise Windows-1252 (what older Western pages and
 * Windows editors wrote). One departure from browsers: bytes that are valid
 * UTF-8 under a single-byte label, or under a multi-byte one with plenty of
 * text beyond ASCII, are read as UTF-8 (see SINGLE_BYTE and MULTI_BYTE).
 */
export interface Decoded {
  text: string;
  encoding: string;
  /** Where the encoding came from, for the report. */
  from: string;
}

export function decode(
  bytes: Uint8Array,
  options: { html: boolean; contentType?: string },
): Decoded {
  const bom = byteOrderMark(bytes);
  if (bom)
    return { text: new TextDecoder(bom).decode(bytes), encoding: bom, from: 'the byte-order mark' };
  const declared = [
    { label: charsetOf(options.contentType), from: "the server's Content-Type header" },
    ...(options.html
      ? [{ label: declaredInPage(bytes), from: "the page's own <meta charset>" }]
      : []),
  ];
  for (const { label, from } of declared) {
    const decoder = decoderFor(label);
    if (!decoder) continue;
    const utf8 = SINGLE_BYTE.test(decoder.encoding)
      ? validUtf8(bytes)
      : MULTI_BYTE.test(decoder.encoding)
        ? validUtf8(bytes, MULTI_BYTE_EVIDENCE)
        : undefined;
    if (utf8 !== undefined)
      return {
        text: utf8,
        encoding: 'utf-8',
        from: `${from} says ${decoder.encoding}, but the bytes are UTF-8 (the page was re-encoded when it was saved)`,
      };
    return { text: decoder.decode(bytes), encoding: decoder.encoding, from };
  }
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
      encoding: 'utf-8',
      from: 'no declaration; the text is valid UTF-8',
    };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      encoding: 'windows-1252',
      from: 'no declaration; the text is not UTF-8, so read as Windows-1252',
    };
  }
}

/**
 * The single-byte encodings of older pages (Windows-125x, ISO-8859-x, KOI8, Mac). Text written in one
 * of them is almost never valid UTF-8 once it has a letter beyond ASCII: each such letter would have to
 * be preceded by a lead byte ("Ã", "Â") and followed by continuation bytes, word after word. Bytes that
 * are valid UTF-8 under such a label are a page re-encoded when it was saved, copied or converted,
 * without its declaration being updated; browsers follow the label and show "operaciÃ³n", while the
 * writer wrote "operación".
 */
const SINGLE_BYTE = /^(windows-125\d|iso-8859-\d+|koi8-[ru]|macintosh|x-mac-cyrillic|ibm866)$/;

/**
 * The multi-byte encodings of older Chinese, Japanese and Korean pages. Their two-byte characters can
 * line up as UTF-8 by chance (GBK's "茅" is the bytes of a UTF-8 "é"), but hardly ever twenty in a
 * row: a page whose characters beyond ASCII are all valid UTF-8, dozens of them, is UTF-8 under a
 * label never updated (a saved copy of a Tencent story says gb2312 over UTF-8 text). Read by its
 * label, "人工智能" would become "浜哄伐鏅鸿兘", in the title as in every paragraph.
 */
const MULTI_BYTE = /^(gbk|gb18030|big5|shift_jis|euc-jp|iso-2022-jp|euc-kr)$/;

/** How many characters beyond ASCII a multi-byte page must hold, all valid UTF-8, to be read as UTF-8. */
const MULTI_BYTE_EVIDENCE = 20;

/** The text, when the bytes are valid UTF-8 with at least `evidence` characters beyond ASCII. */
function validUtf8(bytes: Uint8Array, evidence = 1): string | undefined {
  if (!bytes.some((b) => b >= 0x80)) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  let beyondAscii = 0;
  for (const ch of text) if (ch.codePointAt(0)! > 0x7f && ++beyondAscii >= evidence) return text;
  return undefined;
}

function byteOrderMark(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function charsetOf(contentType: string | undefined): string | undefined {
  return contentType ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1] : undefined;
}

/** <meta charset="...">, <meta http-equiv="Content-Type" content="...; charset=..."> or <?xml encoding="..."?> in the first 4 KB. */
function declaredInPage(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return xml[1];
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?([\w.:-]+)/i.exec(tag);
    if (direct) return direct[1];
  }
  return undefined;
}

function decoderFor(label: string | undefined): TextDecoder | undefined {
  if (!label) return undefined;
  try {
    const decoder = new TextDecoder(label);
    // A page that calls itself UTF-16 while being read as bytes is ASCII-compatible: browsers treat it as UTF-8.
    return decoder.encoding.startsWith('utf-16') ? new TextDecoder('utf-8') : decoder;
  } catch {
    return undefined; // an unknown label: fall through to the next source, as browsers do
  }
}
