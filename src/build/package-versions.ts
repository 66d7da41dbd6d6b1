/**
 * The installed versions of the packages that draw cached output (citation-js and citeproc for
 * references; resvg and the DejaVu fonts for social images). Cache keys include them, so an
 * upgrade redraws what the old versions drew instead of serving it from the cache.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const known = new Map<string, string>();

/** The version in `name`'s package.json, found the way Node resolves `name` (its `exports` aside). */
export function installedVersion(name: string): string {
  let version = known.get(name);
  if (version === undefined) {
    for (const folder of require.resolve.paths(name) ?? []) {
      try {
        version = (
          JSON.parse(readFileSync(path.join(folder, name, 'package.json'), 'utf8')) as {
            version: string;
          }
        ).version;
        break;
      } catch {
        // Not in this node_modules folder; try the next one up.
      }
    }
    if (version === undefined) throw new Error(`The package ${name} is not installed; run npm ci.`);
    known.set(name, version);
  }
  return version;
}

/** `name@version` for each package, in the order given: a stable part of a cache key. */
export function versionsOf(names: readonly string[]): string[] {
  return names.map((name) => `${name}@${installedVersion(name)}`);
}
