/**
 * The sheet's QR symbols are the qrcode package's, module for module: its
 * split of the text into segments is reused by pattern and its choice of
 * mask is scored faster (src/sheet/qr-symbol.ts), so any difference would
 * change a printed code. Compared here with the package itself.
 */
import QRCode from 'qrcode';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { qrSymbol } from '../../src/sheet/qr-symbol.js';
import { encodeSheetCode } from '../../src/sheet/code.js';

function packageSymbol(text: string) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: qr.modules.size, modules: qr.modules.data, mask: qr.maskPattern };
}

function pick(random: () => number, characters: string, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += characters[Math.floor(random() * characters.length)];
  return text;
}

describe('QR symbols', () => {
  it('are the qrcode package’s own for sheet codes of every shape', () => {
    const random = seedrandom('qr-symbol-test');
    const masks = new Set<number | undefined>();
    const sizes = new Set<number>();
    for (let i = 0; i < 1500; i++) {
      // Quiz ids of letters, digits and dashes; seeds up to 15 digits; copy codes and version letters.
      const text = encodeSheetCode({
        quizId: pick(
          random,
          'abcdefghijklmnopqrstuvwxyz0123456789-',
          1 + Math.floor(random() * 40),
        ),
        seed: Math.floor(random() * 10 ** (1 + Math.floor(random() * 15))),
        copy: pick(random, 'ACDEFGHJKLMNPQRTUVWXY34679', 1 + Math.floor(random() * 8)),
        page: 1 + Math.floor(random() * 3),
        pages: 3 + Math.floor(random() * 9),
      });
      const expected = packageSymbol(text);
      masks.add(expected.mask);
      sizes.add(expected.size);
      const symbol = qrSymbol(text);
      expect(symbol.size, text).toBe(expected.size);
      expect(Buffer.from(symbol.modules).equals(Buffer.from(expected.modules)), text).toBe(true);
    }
    // The texts reached every mask the package chooses and several symbol sizes.
    expect(masks.size).toBe(8);
    expect(sizes.size).toBeGreaterThan(3);
  });

  it('are the package’s for any text, ASCII or not, repeated or not', () => {
    const texts = [
      'HANDOUT1 missile-defense-unit 2026 K7QF 1/1',
      'HANDOUT1 missile-defense-unit 2026 K7QF 1/1',
      '0123456789012345678901234567890',
      'ABC DEF $%*+-./: 0123 abc',
      'a',
      '7',
      'Ana Pérez · 李小龙 · Иван',
      'line\nbreak\ttab',
      'x'.repeat(300),
    ];
    for (const text of texts) {
      const expected = packageSymbol(text);
      const symbol = qrSymbol(text);
      expect(symbol.size, text).toBe(expected.size);
      expect(Buffer.from(symbol.modules).equals(Buffer.from(expected.modules)), text).toBe(true);
    }
  });
});
