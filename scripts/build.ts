/**
 * `npm run build`: builds the site (scripts/build-site.ts). This entry point only prepares the
 * process the build runs in:
 *
 * - glibc's allocator: a build's memory peaks when Pagefind's indexer (a process of its own,
 *   about 430 MiB at 1,000 courses) starts beside the Node process that built the pages, and
 *   glibc keeps much of what that process has freed: an arena for each thread that allocated,
 *   and the top of its heap. Two arenas, and the heap trimmed above 128 KiB, hold the Node
 *   process at about 1,080 MiB there instead of 1,210–1,280, for the same build time
 *   (README, "Speed"). glibc reads these only when a process starts, so the build starts
 *   itself again with them (`execve`: the same process id, nothing in between), unless the
 *   caller set an arena count of its own.
 * - Node's compile cache, as scripts/check.ts turns it on, which must happen before the build's
 *   modules load: Node then keeps the compiled form of Astro's, Vite's and the site's modules
 *   between builds. Entries are keyed by each file's source, so an edited or upgraded file is
 *   compiled afresh, never run stale; the cache changes how fast a build starts, not what it
 *   makes.
 */
import { enableCompileCache } from 'node:module';
import path from 'node:path';

const ALLOCATOR_SETTINGS = {
  MALLOC_ARENA_MAX: '2',
  MALLOC_TRIM_THRESHOLD_: '131072',
  MALLOC_MMAP_THRESHOLD_: '131072',
};

if (
  process.platform === 'linux' &&
  process.env['MALLOC_ARENA_MAX'] === undefined &&
  typeof process.execve === 'function'
) {
  process.execve(
    process.execPath,
    [process.execPath, ...process.execArgv, ...process.argv.slice(1)],
    { ...process.env, ...ALLOCATOR_SETTINGS },
  );
}

enableCompileCache(path.join(import.meta.dirname, '../node_modules/.cache/node-compile-cache'));
await import('./build-site.ts');
