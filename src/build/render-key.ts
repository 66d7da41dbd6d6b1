/**
 * The `cacheKey` a route gives Astro's incremental build for one path: a hash of everything the
 * path renders from (its props and whatever else it reads, such as the site settings). Astro
 * hashes the route's code itself, so a page is rendered again exactly when its data or its
 * code changed; there is no separate list of a page's inputs to keep in step with the page.
 */
import { createHash } from 'node:crypto';

/** JSON with Maps and Sets kept (plain JSON writes them as `{}`, which would hide a change). */
function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Map) return { map: [...value] };
  if (value instanceof Set) return { set: [...value] };
  return value;
}

export function renderKey(...inputs: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(inputs, replacer)).digest('hex').slice(0, 40);
}

const viewKeys = new WeakMap<object, string>();

/**
 * The key of one view (a course as its pages show it), made once per build however many pages
 * show the course: its page, the lists it is on, its instructors' pages.
 */
export function viewKey(view: object): string {
  let key = viewKeys.get(view);
  if (key === undefined) {
    key = renderKey(view);
    viewKeys.set(view, key);
  }
  return key;
}
