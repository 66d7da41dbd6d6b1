/**
 * Maps a URL path onto a file inside a built site's folder, the way a static host does, and
 * refuses anything that would land outside it: `..` segments, encoded slashes (`..%2F`) and
 * malformed escapes. Shared by `npm run serve` and the link checker.
 */
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
