/**
 * A full garbage collection on demand, for the two places a build knows better than V8 when
 * memory should be given back: social-image workers, whose resvg objects hold native memory
 * V8 does not count, and the build steps (build-steps.ts) just before Pagefind, whose indexer needs about
 * 2 GB at 5,000 courses while the Astro build's garbage would otherwise still be held.
 * Workers cannot be started with --expose-gc; setting the flag at run time and reading `gc`
 * from a fresh context is the usual way to reach it.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
