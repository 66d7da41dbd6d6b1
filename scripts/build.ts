/**
 * `npm run build`: builds the site (scripts/build-site.ts). This entry point only turns on
 * Node's compile cache first, as scripts/check.ts does, which must happen before the build's
 * modules load: Node then keeps the compiled form of Astro's, Vite's and the site's modules
 * between builds. Entries are keyed by each file's source, so an edited or upgraded file is
 * compiled afresh, never run stale; the cache changes how fast a build starts, not what it makes.
 */
import { enableCompileCache } from 'node:module';
import path from 'node:path';

enableCompileCache(path.join(import.meta.dirname, '../node_modules/.cache/node-compile-cache'));
await import('./build-site.ts');
