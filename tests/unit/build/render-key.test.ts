/** The incremental build's key for a path, and how a build's reuse is read back from Astro's manifest. */
import { describe, expect, it } from 'vitest';
import {
  coursePagesReused,
  COURSE_ROUTE,
  type IncrementalManifest,
} from '../../../src/build/incremental-manifest.ts';
import { renderKey } from '../../../src/build/render-key.ts';

describe('renderKey', () => {
  it('is the same for equal data and differs for any change, Maps and Sets included', () => {
    const view = {
      title: 'A',
      sessions: [{ start: new Date('2027-01-20T15:00:00Z') }],
      tags: new Set(['x']),
      seen: new Map([['a', 1]]),
    };
    expect(renderKey(view, { url: 'https://example.org/' })).toBe(
      renderKey(structuredClone(view), { url: 'https://example.org/' }),
    );
    expect(renderKey(view)).toMatch(/^[0-9a-f]{40}$/);
    expect(renderKey({ ...view, tags: new Set(['y']) })).not.toBe(renderKey(view));
    expect(renderKey({ ...view, seen: new Map([['a', 2]]) })).not.toBe(renderKey(view));
    expect(
      renderKey({ ...view, sessions: [{ start: new Date('2027-01-20T16:00:00Z') }] }),
    ).not.toBe(renderKey(view));
    expect(renderKey(view, { url: 'https://example.org/courses/' })).not.toBe(
      renderKey(view, { url: 'https://example.org/' }),
    );
  });
});

const manifest = (
  dependencyHash: string,
  paths: Record<string, string>,
  configHash = 'config',
): IncrementalManifest => ({
  configHash,
  lockfileHash: 'lock',
  routes: {
    [COURSE_ROUTE]: {
      dependencyHash,
      paths: Object.fromEntries(
        Object.entries(paths).map(([pathname, cacheKey]) => [pathname, { cacheKey }]),
      ),
    },
  },
});

describe('coursePagesReused', () => {
  const first = manifest('code-1', { '/courses/a/': 'a1', '/courses/b/': 'b1' });

  it('counts every page as rendered on a first build', () => {
    expect(coursePagesReused(undefined, first)).toEqual({ rendered: 2, reused: 0 });
  });

  it('counts a page as reused only when its key and its route code are unchanged', () => {
    expect(coursePagesReused(first, first)).toEqual({ rendered: 0, reused: 2 });
    expect(
      coursePagesReused(
        first,
        manifest('code-1', { '/courses/a/': 'a2', '/courses/b/': 'b1', '/courses/c/': 'c1' }),
      ),
    ).toEqual({ rendered: 2, reused: 1 });
    expect(
      coursePagesReused(first, manifest('code-2', { '/courses/a/': 'a1', '/courses/b/': 'b1' })),
    ).toEqual({ rendered: 2, reused: 0 });
    expect(
      coursePagesReused(
        first,
        manifest('code-1', { '/courses/a/': 'a1', '/courses/b/': 'b1' }, 'other config'),
      ),
    ).toEqual({ rendered: 2, reused: 0 });
  });
});
