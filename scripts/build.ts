/**
 * `npm run build`: builds the site (scripts/build-site.ts). This entry point only prepares the
 * process the build runs in:
 *
 * - glibc's allocator: a build's memory peaks when Pagefind's indexer (a process of its own,
 *   about 430 MiB at 1,000 courses) starts beside the Node process that built the pages, and
 *   glibc keeps much of what that process has freed: an arena for each thread that allocated,
 *   and the top of its heap. Two arenas, and the heap trimmed above 128 KiB, hold the Node
 *   process at about 1,080 MiB there instead of 1,210–1,280, for the same build time
 *   (README, "Speed"). Blocks of 32 KiB or more (a page's HTML, a card's PNG) get a mapping of
 *   their own, given back as soon as they are freed: with the collector setting below, V8
 *   frees such buffers in larger batches, and from glibc's heap they left the cold build's peak
 *   at 1,572 MiB at 1,000 courses instead of 1,400. glibc reads these only when a process
 *   starts, so the build starts itself again with them (`execve`: the same process id,
 *   nothing in between), unless the caller set an arena count of its own.
 * - V8's garbage collector: by default every 64 MiB of buffers allocated outside the JavaScript
 *   heap since the last full collection ("external memory pressure") starts another one.
 *   Astro copies each rendered page into new buffers more than once, and the pages add up to
 *   gigabytes, so at 5,000 courses the main thread ran about 40 full collections of a
 *   500 MiB heap while it rendered, 26 CPU-s on V8's helper threads. Counting that memory in
 *   V8's global limit instead (`--external-memory-accounted-in-global-limit`, which grows
 *   with the heap) leaves 16 and halves the helpers' time (README, "Speed"). It changes when
 *   memory is collected, never what a build makes. V8 reads it whenever it sets its limits,
 *   so it is set once the process has its allocator settings, before the build loads.
 * - Node's compile cache, as scripts/check.ts turns it on, which must happen before the build's
 *   modules load: Node then keeps the compiled form of Astro's, Vite's and the site's modules
 *   between builds. Entries are keyed by each file's source, so an edited or upgraded file is
 *   compiled afresh, never run stale; the cache changes how fast a build starts, not what it
 *   makes.
 */
import { enableCompileCache } from 'node:module';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';

const ALLOCATOR_SETTINGS = {
  MALLOC_ARENA_MAX: '2',
  MALLOC_TRIM_THRESHOLD_: '131072',
  MALLOC_MMAP_THRESHOLD_: '32768',
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

setFlagsFromString('--external-memory-accounted-in-global-limit');
enableCompileCache(path.join(import.meta.dirname, '../node_modules/.cache/node-compile-cache'));
await import('./build-site.ts');
