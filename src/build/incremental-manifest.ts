/**
 * Reads the manifest of Astro's incremental build (`experimental.incrementalBuild`), to report
 * how many course pages a build reused. Astro skips a page when its route's code, its
 * `cacheKey` and the content entries it rendered are all unchanged; comparing the manifest
 * before and after a build with the same rule tells which pages it skipped.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

interface PathEntry {
  cacheKey: string;
  outputFile?: string;
  contentHashes?: Record<string, string>;
}

export interface IncrementalManifest {
  configHash: string;
  lockfileHash: string;
  routes: Record<string, { dependencyHash: string; paths: Record<string, PathEntry> }>;
}

/** The route file of course pages, as Astro names it in the manifest. */
export const COURSE_ROUTE = 'src/pages/courses/[slug].astro';

export async function readIncrementalManifest(
  cacheDir: URL,
): Promise<IncrementalManifest | undefined> {
  const text = await readFile(new URL('incremental-build.json', cacheDir), 'utf8').catch(
    () => undefined,
  );
  try {
    return text === undefined ? undefined : (JSON.parse(text) as IncrementalManifest);
  } catch {
    // Astro ignores a manifest it cannot read (every page is rendered); so does the report.
    return undefined;
  }
}

/**
 * Course pages of the `after` build whose every input matches the `before` build and whose
 * cached copy was not discarded (`discarded` holds paths inside the cache): Astro restored them.
 */
export function coursePagesReused(
  before: IncrementalManifest | undefined,
  after: IncrementalManifest | undefined,
  discarded: ReadonlySet<string> = new Set(),
  route = COURSE_ROUTE,
): { rendered: number; reused: number } {
  const next = after?.routes[route];
  const pathnames = Object.keys(next?.paths ?? {});
  const previous = before?.routes[route];
  const sameBuild =
    before !== undefined &&
    before.configHash === after?.configHash &&
    before.lockfileHash === after.lockfileHash;
  const reused = pathnames.filter((pathname) => {
    const was = previous?.paths[pathname];
    const is = next?.paths[pathname];
    return (
      sameBuild &&
      was !== undefined &&
      is !== undefined &&
      !(was.outputFile !== undefined && discarded.has(path.join('dist', was.outputFile))) &&
      previous?.dependencyHash === next?.dependencyHash &&
      was.cacheKey === is.cacheKey &&
      JSON.stringify(was.contentHashes ?? {}) === JSON.stringify(is.contentHashes ?? {})
    );
  }).length;
  return { rendered: pathnames.length - reused, reused };
}
