import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathInsideRoot } from '../../../scripts/site-path.ts';

const root = path.resolve('/srv/site');

describe('pathInsideRoot', () => {
  it('maps URL paths onto files inside the site', () => {
    expect(pathInsideRoot(root, '/')).toBe(root + path.sep);
    expect(pathInsideRoot(root, '/courses/a/index.html')).toBe(
      path.join(root, 'courses/a/index.html'),
    );
    expect(pathInsideRoot(root, '/topics/%D8%B9%D9%84%D8%A7%D8%AC/')).toBe(
      path.join(root, 'topics/علاج/'),
    );
  });

  it('keeps `..` that stays inside the site', () => {
    expect(pathInsideRoot(root, '/courses/../search/')).toBe(path.join(root, 'search/'));
  });

  it('refuses paths that leave the site, a sibling folder with the same prefix included', () => {
    expect(pathInsideRoot(root, '/..%2Fsite-cache/x')).toBeUndefined();
    expect(pathInsideRoot(root, '/..%2f..%2fetc/passwd')).toBeUndefined();
    expect(pathInsideRoot(root, '/%2e%2e/site-cache/x')).toBeUndefined();
    expect(pathInsideRoot(root, '/../site')).toBe(root);
  });

  it('refuses malformed escapes and NUL bytes', () => {
    expect(pathInsideRoot(root, '/%E0%A4%A')).toBeUndefined();
    expect(pathInsideRoot(root, '/a%00.html')).toBeUndefined();
  });
});
