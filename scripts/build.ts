/**
 * `npm run build`: validate all content, then let Astro build the site into a staging folder
 * (the site's integration, src/build/integration.ts, adds social images and the search index,
 * so this is the same site `astro build` makes), and only then replace dist/. Invalid content
 * or a failed step leaves the previous dist/ exactly as it was, so a deploy never picks up a
 * half-written site.
 *
 * CONTENT_DIR points the build at another content folder; OUT_DIR at another output folder.
 */
import { mkdir, readFile, rm, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { complianceSummary } from '../src/collections/validation/compliance.ts';
import { formatReport } from '../src/collections/validation/problems.ts';
import { resolveContentDir } from '../src/collections/validation/load-content.ts';
import { loadContentOnce } from '../src/collections/loader.ts';

process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
const root = path.resolve(import.meta.dirname, '..');
const contentDir = resolveContentDir();
const outDir = path.resolve(process.env['OUT_DIR'] ?? path.join(root, 'dist'));
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

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Takes the lock on the output folder, or says which build holds it. A lock left by a build
 * that was killed is taken over, and its staging and previous folders are removed.
 */
async function lockOutput(): Promise<string | undefined> {
  // The folder that will hold dist/ may not exist yet (a first build into a new place).
  await mkdir(path.dirname(outDir), { recursive: true });
  try {
    await writeFile(lockFile, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number(await readFile(lockFile, 'utf8').catch(() => ''));
    // A process id is a positive integer; anything else is a lock left half-written.
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) {
      return `Another build into ${shown} is running (process ${holder}); wait for it to finish.`;
    }
    await writeFile(lockFile, String(process.pid));
  }
  await Promise.all(
    [stagingDir, previousDir].map((dir) => rm(dir, { recursive: true, force: true })),
  );
  return undefined;
}

async function main(): Promise<void> {
  const started = performance.now();
  // Validated here first, so bad content is reported without starting Astro; Astro's content
  // loaders then reuse this result (src/collections/loader.ts).
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

  const busy = await lockOutput();
  if (busy) {
    console.error(`${busy}\nNothing was built; ${shown} is unchanged.`);
    process.exitCode = 1;
    return;
  }
  try {
    // Loaded only once the content is known to be good, so a failing check stays fast.
    const { build } = await import('astro');
    await build({
      root,
      outDir: stagingDir,
      logLevel: process.env['ASTRO_LOG_LEVEL'] === 'info' ? 'info' : 'warn',
    });
    // Swap: two renames, so dist/ is never missing for longer than an instant nor ever partial.
    const hadPrevious = await exists(outDir);
    if (hadPrevious) await rename(outDir, previousDir);
    await rename(stagingDir, outDir);
    if (hadPrevious) await rm(previousDir, { recursive: true, force: true });
    const total = ((performance.now() - started) / 1000).toFixed(1);
    const validation = ((validated - started) / 1000).toFixed(1);
    console.log(
      `Built ${loaded.content.courses.length} courses into ${shown} in ${total} s (validation ${validation} s).`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    // Astro renders several pages at once, so files may still be landing in the folder: retry.
    await rm(stagingDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    console.error(`\nThe build failed; ${shown} is unchanged.`);
    process.exitCode = 1;
  } finally {
    await rm(lockFile, { force: true });
  }
}

await main();
