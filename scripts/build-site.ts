/**
 * `npm run build` (through scripts/build.ts): validate all content, then let Astro build the site into a staging folder
 * (the site's integration, src/build/integration.ts, adds social images and the search index,
 * so this is the same site `astro build` makes), and only then replace dist/. Invalid content
 * or a failed step leaves the previous dist/ exactly as it was, so a deploy never picks up a
 * half-written site.
 *
 * CONTENT_DIR points the build at another content folder; OUT_DIR at another output folder.
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, rm, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { complianceSummary } from '../src/collections/validation/compliance.ts';
import { formatReport } from '../src/collections/validation/problems.ts';
import { resolveContentDir } from '../src/collections/validation/load-content.ts';
import { loadContentOnce } from '../src/collections/loader.ts';
import { acquireLock, type HeldLock } from '../src/build/lock.ts';
import { faultPoint } from '../src/build/fault-point.ts';

process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
const root = path.resolve(import.meta.dirname, '..');
const contentDir = resolveContentDir();
const outDir = path.resolve(process.env['OUT_DIR'] ?? path.join(root, 'dist'));
// Folders are fixed now, as the user gave them: Astro later runs in another working folder.
process.env['CONTENT_DIR'] = contentDir;
if (process.env['ASTRO_CACHE_DIR'])
  process.env['ASTRO_CACHE_DIR'] = path.resolve(process.env['ASTRO_CACHE_DIR']);
// Fixed names: Astro writes the output folder's path into its bundle, so a staging folder named
// differently on each run would defeat its incremental build. A lock keeps two builds apart.
const stagingDir = `${outDir}.staging`;
const previousDir = `${outDir}.previous`;
const lockFile = `${outDir}.lock`;
const shown = path.relative(process.cwd(), outDir) || outDir;

async function exists(target: string): Promise<boolean> {
  return stat(target).then(
    () => true,
    () => false,
  );
}

/**
 * Puts back what a stopped build left: a site moved aside but not replaced (a kill between the
 * swap's two renames) is restored before anything else; a staging folder and a previous site
 * that has already been replaced are removed. No good copy is deleted before another is in place.
 */
async function recoverOutput(): Promise<void> {
  if (!(await exists(outDir)) && (await exists(previousDir))) await rename(previousDir, outDir);
  await Promise.all(
    [stagingDir, previousDir, nearBundleDir].map((dir) =>
      rm(dir, { recursive: true, force: true }),
    ),
  );
}

/**
 * Astro puts its prerender bundle inside the output folder when that folder is under the
 * working directory, and in `<cwd>/.astro/` otherwise, where two builds would share it. It also
 * decides "under" by a bare prefix test (/x/site-out is "under" /x/site), and a bundle outside
 * the project cannot import its packages. So the build runs in a folder of its own inside the
 * project, one per output folder: the bundle always lands there, never shared, and resolves the
 * project's node_modules. The output folder's lock keeps two builds out of it.
 */
const buildId = createHash('sha256').update(stagingDir).digest('hex').slice(0, 16);
const bundleDir = path.join(root, 'node_modules', '.ce-build', buildId);
/**
 * Where Astro writes the site when the output folder is on another filesystem than the project:
 * Astro moves its client assets out of the bundle with a rename, which cannot cross
 * filesystems (EXDEV), so the site is built beside the bundle and copied into the staging
 * folder afterwards. Not inside the bundle's folder, nor named with it as a prefix: Astro would
 * take it for a folder under its working directory (see above).
 */
const nearBundleDir = path.join(root, 'node_modules', '.ce-build', `site-${buildId}`);

/** The folder Astro builds the site into: the staging folder, if a rename can reach it. */
async function astroOutDir(): Promise<string> {
  const [bundles, output] = await Promise.all([
    stat(path.join(root, 'node_modules')),
    stat(path.dirname(outDir)),
  ]);
  return bundles.dev === output.dev ? stagingDir : nearBundleDir;
}

/** Ctrl-C or a kill: stop at once, unless the swap is under way, which finishes first. */
class Interruption {
  private critical = false;
  private pending: NodeJS.Signals | undefined;
  private readonly lock: HeldLock;
  constructor(lock: HeldLock) {
    this.lock = lock;
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, this.stop);
  }
  private readonly stop = (signal: NodeJS.Signals) => {
    if (this.critical) {
      this.pending = signal;
      return;
    }
    this.exit(signal, `The build was stopped; ${shown} is unchanged.`);
  };
  private exit(signal: NodeJS.Signals, message: string): never {
    console.error(`\n${message}`);
    this.lock.releaseSync();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  }
  async swap(work: () => Promise<void>): Promise<void> {
    this.critical = true;
    await work();
    this.critical = false;
    if (this.pending) this.exit(this.pending, `The build was stopped after ${shown} was replaced.`);
  }
}

/** Replaces the site: the old one is moved aside, the new one moved in, then the old one removed. */
async function swapIntoPlace(): Promise<void> {
  const hadPrevious = await exists(outDir);
  if (hadPrevious) await rename(outDir, previousDir);
  await faultPoint('swap');
  await rename(stagingDir, outDir);
  await faultPoint('swapped');
  if (hadPrevious) await rm(previousDir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const started = performance.now();
  // The folder that will hold dist/ may not exist yet (a first build into a new place).
  await mkdir(path.dirname(outDir), { recursive: true });
  const taken = await acquireLock(lockFile);
  if ('busy' in taken) {
    console.error(
      `Another build into ${shown} is running (process ${taken.busy.pid}); wait for it to finish.\nNothing was built; ${shown} is unchanged.`,
    );
    process.exitCode = 1;
    return;
  }
  const lock = taken.held;
  const interruption = new Interruption(lock);
  try {
    // First of all, so even a build that stops at bad content leaves a site in place.
    await recoverOutput();
    await faultPoint('locked');
    await buildAndSwap(started, interruption, lock);
  } finally {
    await lock.release();
  }
}

async function buildAndSwap(
  started: number,
  interruption: Interruption,
  lock: HeldLock,
): Promise<void> {
  // Validated before Astro starts, so bad content is reported fast and writes nothing; Astro's
  // content loaders then reuse this result (src/collections/loader.ts).
  const loaded = await loadContentOnce(contentDir);
  if (!loaded.ok) {
    console.error(formatReport(loaded.problems));
    console.error(`\nNothing was built; ${shown} is unchanged.`);
    process.exitCode = 1;
    return;
  }
  if (loaded.warnings.length > 0)
    console.warn(`${complianceSummary(loaded.warnings, false)} \`npm run check\` lists them.`);
  const validated = performance.now();
  const workingDir = process.cwd();
  try {
    // Loaded only once the content is known to be good, so a failing check stays fast.
    const { build } = await import('astro');
    const siteDir = await astroOutDir();
    await mkdir(bundleDir, { recursive: true });
    process.chdir(bundleDir);
    try {
      await build({
        root,
        outDir: siteDir,
        logLevel: process.env['ASTRO_LOG_LEVEL'] === 'info' ? 'info' : 'warn',
      });
    } finally {
      process.chdir(workingDir);
    }
    if (siteDir !== stagingDir) {
      // Copied whole, then swapped in by a rename on the output's own filesystem, as usual.
      await cp(siteDir, stagingDir, { recursive: true });
      await rm(siteDir, { recursive: true, force: true });
    }
    if (!(await lock.stillHeld()))
      throw new Error(`The lock ${lockFile} was taken by another build while this one ran.`);
    await interruption.swap(swapIntoPlace);
    const total = ((performance.now() - started) / 1000).toFixed(1);
    const validation = ((validated - started) / 1000).toFixed(1);
    console.log(
      `Built ${loaded.content.courses.length} courses into ${shown} in ${total} s (validation ${validation} s).`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    // Astro renders several pages at once, so files may still be landing in the folder: retry.
    for (const dir of [stagingDir, nearBundleDir])
      await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    console.error(`\nThe build failed; ${shown} is unchanged.`);
    process.exitCode = 1;
  }
}

await main();
