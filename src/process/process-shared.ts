/**
 * The one place the site keeps anything on globalThis: a value shared by every copy of a module
 * in this process. Astro loads its own copy of every module (the config, the content loaders
 * and the pages each have a module graph), so a module-level variable would not be shared.
 * Three things need it: the validated content, which `npm run build`, the integration and the
 * loaders share so it is validated once; the dev server's content problems, which the loader
 * finds and the pages show; and the locks a build holds (build-cache.ts), so a later build in
 * the same process lets go of those a failed one kept. Values that routes need reach them
 * through Astro's APIs.
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

/** One value per process, made by `create` the first time any copy of a module asks for it. */
export function processSingleton<T>(name: string, create: () => T): T {
  const key = Symbol.for(`ce-site.${name}`);
  const holder = globalThis as Record<symbol, unknown>;
  if (!(key in holder)) holder[key] = create();
  return holder[key] as T;
}
