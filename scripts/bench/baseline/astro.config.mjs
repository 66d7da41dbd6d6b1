// @ts-check
// The bare-Astro baseline for `npm run bench`: the same course files through Astro's own
// glob loader and default Markdown, one page each, nothing else. Paths come from the
// environment so that every byte it writes lands under .bench/.
import { defineConfig } from 'astro/config';

const bench = new URL('../../../.bench/baseline/', import.meta.url);

export default defineConfig({
  site: 'https://courses.example.org',
  trailingSlash: 'always',
  build: { format: 'directory' },
  outDir: process.env.BENCH_OUT_DIR ?? new URL('dist/', bench).pathname,
  cacheDir: process.env.BENCH_CACHE_DIR ?? new URL('cache/', bench).pathname,
  devToolbar: { enabled: false },
  // Vite's own cache would otherwise go to node_modules/.vite beside this file. It is kept
  // across cold runs, as the project's node_modules/.vite is.
  vite: { cacheDir: new URL('vite/', bench).pathname },
});
