/** The request-target helpers of `npm run serve` in scripts/site-path.ts. */
import { mkdir, mkdtemp, realpath, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  normalisedSitePath,
  parseRequestTarget,
  realPathInsideRoot,
  trailingSlashLocation,
} from '../../../scripts/site-path.ts';

describe('parseRequestTarget', () => {
  it('splits a path from its query and drops a fragment', () => {
    expect(parseRequestTarget('/courses/?page=2#top')).toEqual({
      path: '/courses/',
      query: '?page=2',
    });
    expect(parseRequestTarget('//[/')).toEqual({ path: '//[/', query: '' });
    expect(parseRequestTarget('/a#b?c')).toEqual({ path: '/a', query: '' });
  });

  it('refuses targets that are not a path of visible ASCII', () => {
    for (const target of ['', '*', 'http://evil.example/', 'courses', '/a b', '/café', '/a\0'])
      expect(parseRequestTarget(target)).toBeUndefined();
  });
});

describe('normalisedSitePath', () => {
  it('decodes, then removes dot segments and repeated slashes', () => {
    expect(normalisedSitePath('/.//evil.example/%2e%2e%2fcourses')).toBe('/courses');
    expect(normalisedSitePath('/admin/..%2Fcourses/')).toBe('/courses/');
    expect(normalisedSitePath('/../../x')).toBe('/x');
    expect(normalisedSitePath('/%E3%81%82/')).toBe('/あ/');
  });

  it('refuses malformed escapes, NUL and backslashes', () => {
    for (const urlPath of ['/%E0%A4%A', '/%', '/a%00', '/%5Cevil', '/\\evil'])
      expect(normalisedSitePath(urlPath)).toBeUndefined();
  });
});

describe('trailingSlashLocation', () => {
  it('builds a re-encoded, single-slash-rooted path on the same host', () => {
    expect(trailingSlashLocation({ path: '/courses', query: '?a=1' })).toBe('/courses/?a=1');
    expect(trailingSlashLocation({ path: '/.//evil.example/%2e%2e%2fcourses', query: '' })).toBe(
      '/courses/',
    );
    expect(trailingSlashLocation({ path: '//evil.example', query: '' })).toBe('/evil.example/');
    expect(trailingSlashLocation({ path: '/%E3%81%82', query: '' })).toBe('/%E3%81%82/');
    expect(trailingSlashLocation({ path: '/a%3Fb%23c', query: '' })).toBe('/a%3Fb%23c/');
    expect(trailingSlashLocation({ path: '/x', query: '?\\' })).toBe('/x/?%5C');
    expect(trailingSlashLocation({ path: '/%5Cevil.example', query: '' })).toBeUndefined();
  });

  it('never leaves the host, whatever the target', () => {
    const piece = fc.constantFrom('/', '//', '.', '..', '%2e', '%2f', '%5c', '\\', '%', '@', ':');
    const text = fc.array(fc.oneof(piece, fc.string({ maxLength: 3 })), { maxLength: 12 });
    fc.assert(
      fc.property(text, text, (pathPieces, queryPieces) => {
        const target = parseRequestTarget(`/${pathPieces.join('')}?${queryPieces.join('')}`);
        const location = target && trailingSlashLocation(target);
        if (location === undefined) return;
        expect(location).toMatch(/^\/(?![/\\])/);
        expect(location).not.toContain('\\');
        expect(new URL(location, 'https://site.example/').origin).toBe('https://site.example');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('realPathInsideRoot', () => {
  it('follows symlinks and refuses those that end outside the root', async () => {
    const folder = await realpath(await mkdtemp(path.join(tmpdir(), 'ce-site-path-')));
    const root = path.join(folder, 'site');
    await mkdir(root);
    await mkdir(path.join(folder, 'site-cache'));
    await writeFile(path.join(root, 'index.html'), 'home');
    await writeFile(path.join(folder, 'site-cache', 'secret.txt'), 'secret');
    await symlink('index.html', path.join(root, 'alias.html'));
    await symlink('../site-cache/secret.txt', path.join(root, 'leak.txt'));
    await symlink('../site-cache', path.join(root, 'leak-dir'));
    expect(await realPathInsideRoot(root, path.join(root, 'index.html'))).toBe(
      path.join(root, 'index.html'),
    );
    expect(await realPathInsideRoot(root, path.join(root, 'alias.html'))).toBe(
      path.join(root, 'index.html'),
    );
    expect(await realPathInsideRoot(root, root)).toBe(root);
    expect(await realPathInsideRoot(root, path.join(root, 'leak.txt'))).toBeUndefined();
    expect(await realPathInsideRoot(root, path.join(root, 'leak-dir/secret.txt'))).toBeUndefined();
    expect(await realPathInsideRoot(root, path.join(root, 'missing.html'))).toBeUndefined();
  });
});
