/**
 * `npm run check [dir] [-- --strict] [-- --launch]`: validates every content file and prints
 * every problem at once (scripts/check-content.ts). This entry point only turns on Node's
 * compile cache first, which must happen before the check's modules load: Node then keeps the
 * compiled form of its ~300 modules (TypeScript stripped, V8 bytecode) between runs, about a
 * tenth of a 1,000-course check. Entries are keyed by each file's source, so an edited file is
 * compiled afresh, never run stale.
 */
import { enableCompileCache } from 'node:module';
import path from 'node:path';

enableCompileCache(path.join(import.meta.dirname, '../node_modules/.cache/node-compile-cache'));
await import('./check-content.ts');
