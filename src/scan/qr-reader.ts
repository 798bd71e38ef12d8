/**
 * Reading the sheet code. jsQR is plain JavaScript (no native build, no
 * WebAssembly fetched at run time, which an offline school machine could
 * not do) and reports where the code's finder patterns are, which tells
 * the scanner which way up the page is.
 */
import jsQRModule from 'jsqr';
import type { QRCode } from 'jsqr';

type JsQr = typeof jsQRModule.default;
// The package is CommonJS whose types declare an ES default export.
const jsQR = ((jsQRModule as unknown as { default?: JsQr }).default ?? jsQRModule) as JsQr;

/** A grey image, one byte per pixel, row by row. */
export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export function readQr(image: GreyImage): QRCode | undefined {
  const rgba = new Uint8ClampedArray(image.width * image.height * 4);
  for (let i = 0, j = 0; i < image.data.length; i++, j += 4) {
    const v = image.data[i]!;
    rgba[j] = v;
    rgba[j + 1] = v;
    rgba[j + 2] = v;
    rgba[j + 3] = 255;
  }
  return jsQR(rgba, image.width, image.height, { inversionAttempts: 'dontInvert' }) ?? undefined;
}
