/** The QR encoder's core module (src/sheet/qr-symbol.ts imports it alone): the same `create` as the package's entry. */
declare module 'qrcode/lib/core/qrcode.js' {
  export { create } from 'qrcode';
}
