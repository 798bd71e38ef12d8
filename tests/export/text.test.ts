import { describe, expect, test } from 'vitest';
import { clozeHtml, plainNumber, toHtml, toText, xmlSafe } from '../../src/export/text.js';

describe('text conversions for exports', () => {
  test('bank Markdown becomes safe HTML on one line; raw HTML is shown as text', () => {
    expect(toHtml('A *b* <script>x</script> & "q"\nnext')).toBe(
      'A <em>b</em> &lt;script&gt;x&lt;/script&gt; &amp; &quot;q&quot; next',
    );
    expect(toText('A *b* <i> & `c`')).toBe('A b <i> & c');
  });

  test('cloze blanks are cut out before Markdown runs, so emphasis around them still works', () => {
    expect(
      clozeHtml('*Emphasis [[x|y]] kept*', (answers, i) => `{${i}:${answers.join('/')}}`),
    ).toBe('<em>Emphasis {0:x/y} kept</em>');
  });

  test('numbers never come out in exponent notation', () => {
    expect(plainNumber(1e-7)).toBe('0.0000001');
    expect(plainNumber(1e21)).toBe('1000000000000000000000');
    expect(plainNumber(-2.5)).toBe('-2.5');
  });

  test('characters XML cannot carry are dropped, everything else is kept', () => {
    expect(xmlSafe('a\u0001b\u0008c\td\ne\uFFFF Лавров 𝄞')).toBe('abc\td\ne Лавров 𝄞');
    expect(xmlSafe('lone \uD800 surrogate')).toBe('lone  surrogate');
  });
});
