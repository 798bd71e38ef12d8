import { describe, expect, it } from 'vitest';
import { folderUrl, isAllowedUrl } from '../../src/pdf/request-policy.js';

describe('isAllowedUrl', () => {
  it('allows local files and inline data, nothing from the network', () => {
    expect(isAllowedUrl('file:///srv/quiz/font.woff2', undefined)).toBe(true);
    expect(isAllowedUrl('data:image/png;base64,AAAA', undefined)).toBe(true);
    for (const url of [
      'https://example.com/x.png',
      'http://localhost/x',
      'ws://h/',
      'ftp://h/x',
      'blob:x',
    ]) {
      expect(isAllowedUrl(url, undefined)).toBe(false);
    }
  });

  it('with roots, allows only files inside them', () => {
    const roots = ['/srv/quiz', '/opt/fonts'];
    expect(isAllowedUrl('file:///srv/quiz/a/b.png', roots)).toBe(true);
    expect(isAllowedUrl('file:///opt/fonts/x.woff2', roots)).toBe(true);
    expect(isAllowedUrl('file:///srv/quiz/..hidden/x', roots)).toBe(true);
    expect(isAllowedUrl('file:///srv/quiz/../secret', roots)).toBe(false);
    expect(isAllowedUrl('file:///srv/quizzes/x', roots)).toBe(false);
    expect(isAllowedUrl('file:///etc/passwd', roots)).toBe(false);
  });
});

describe('folderUrl', () => {
  it('adds the trailing slash relative URLs need', () => {
    expect(new URL('x.css', folderUrl('file:///srv/quiz')).href).toBe('file:///srv/quiz/x.css');
    expect(folderUrl('file:///srv/quiz/').href).toBe('file:///srv/quiz/');
  });

  it('refuses anything but a file: URL', () => {
    expect(() => folderUrl('https://example.com/')).toThrow(/file: URL/);
  });
});
