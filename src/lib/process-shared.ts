/**
 * A value shared by every copy of a module in this process: the build script hands values to
 * code Astro runs (routes, the content loader, the sitemap), and the dev server's loader hands
 * content problems to pages. Kept on globalThis under a registered symbol, because Astro loads
 * its own copy of every module, so a module-level variable would not be shared.
 */
export interface ProcessShared<T> {
  set(value: T): void;
  get(): T;
}

export function processShared<T>(name: string, unset: T): ProcessShared<T> {
  const key = Symbol.for(`ce-site.${name}`);
  const holder = globalThis as Record<symbol, unknown>;
  return {
    set: (value) => {
      holder[key] = value;
    },
    get: () => (key in holder ? (holder[key] as T) : unset),
  };
}
