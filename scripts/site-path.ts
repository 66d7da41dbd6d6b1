/**
 * Maps a URL path onto a file inside a built site's folder, the way a static host does, and
 * refuses anything that would land outside it: `..` segments, encoded slashes (`..%2F`),
 * malformed escapes and symlinks pointing out of the folder. Shared by `npm run serve` and the
 * link checker.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';

/** The file path a URL path names inside `root`, or undefined when it would leave `root`. */
export function pathInsideRoot(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const base = path.resolve(root);
  const candidate = path.join(base, decoded);
  // A bare prefix test would let `/..%2Fsite-cache/x` read the sibling folder `site-cache/`.
  return candidate === base || candidate.startsWith(base + path.sep) ? candidate : undefined;
}

/** Whether `file` is `root` or below it (both absolute); `..foo` is a name, not a step up. */
function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return (
    relative === '' ||
    (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative))
  );
}

/**
 * The real path of `file` (every symlink followed) when it exists and lies inside `realRoot`,
 * itself a real path; undefined otherwise. The lexical test of pathInsideRoot cannot see that
 * a symlink inside the site points outside it.
 */
export async function realPathInsideRoot(
  realRoot: string,
  file: string,
): Promise<string | undefined> {
  const real = await realpath(file).catch(() => undefined);
  return real !== undefined && isInside(realRoot, real) ? real : undefined;
}

/** An origin-form request target split into its path and query (`?…`, may be empty). */
export interface RequestTarget {
  path: string;
  query: string;
}

/**
 * Reads `request.url` as a path, never as a URL: `new URL('//[/', base)` throws and
 * `//host/x` names another host. Anything but `/` followed by visible ASCII is refused (RFC
 * 9112's origin-form allows only a subset of it); a fragment, which clients never send, is
 * dropped.
 */
export function parseRequestTarget(target: string): RequestTarget | undefined {
  if (!/^\/[\x21-\x7e]*$/.test(target)) return undefined;
  const withoutFragment = target.split('#', 1)[0]!;
  const queryStart = withoutFragment.indexOf('?');
  return queryStart < 0
    ? { path: withoutFragment, query: '' }
    : { path: withoutFragment.slice(0, queryStart), query: withoutFragment.slice(queryStart) };
}

/**
 * The site path a URL path names: percent-decoded, then `.`/`..` segments and repeated slashes
 * removed, as pathInsideRoot resolves it. Undefined for malformed escapes, NUL and backslashes
 * (which some clients read as `/`). Header rules match against this path, so
 * `/admin/..%2Fcourses/` cannot pick up the looser `/admin/*` policy.
 */
export function normalisedSitePath(urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const normal = path.posix.normalize(decoded);
  return normal.startsWith('/') ? normal : undefined;
}

/**
 * The Location of the redirect from a folder's URL without its trailing slash to the one with
 * it, or undefined when none is safe. Built from the normalised path with every segment
 * re-encoded, so it is always a single-slash-rooted path on this host: `//evil.example/` or
 * `/\evil.example/` would send the browser to another site.
 */
export function trailingSlashLocation(target: RequestTarget): string | undefined {
  const normal = normalisedSitePath(target.path);
  if (normal === undefined) return undefined;
  const encoded = normal.split('/').map(encodeURIComponent).join('/');
  // The query only follows the path, so it cannot change the host; a backslash is escaped anyway.
  const location = `${encoded.endsWith('/') ? encoded : `${encoded}/`}${target.query.replaceAll('\\', '%5C')}`;
  return location.startsWith('/') && !location.startsWith('//') && !location.includes('\\')
    ? location
    : undefined;
}
