/** Runs the real build script (`npm run build`) as a child process, the way an editor or CI does. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './fixtures.ts';

export interface BuildRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runScript(
  script: 'build' | 'check',
  environment: Record<string, string>,
  args: readonly string[] = [],
): BuildRun {
  const result = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'scripts', `${script}.ts`), ...args],
    {
      cwd: repoRoot,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...environment },
      encoding: 'utf8',
      timeout: 300_000,
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface BuiltSite {
  outDir: string;
  run: BuildRun;
  /** The text of a built file, by its path inside the site. */
  read: (sitePath: string) => string;
}

/** Builds `contentDir` into a fresh temporary folder with the clock pinned to `now`; throws if the build fails. */
export function buildSite(
  contentDir: string,
  now: string,
  extraEnvironment: Record<string, string> = {},
): BuiltSite {
  const outDir = mkdtempSync(path.join(tmpdir(), 'ce-site-'));
  const run = runScript('build', {
    CONTENT_DIR: contentDir,
    OUT_DIR: outDir,
    SITE_NOW: now,
    ASTRO_CACHE_DIR: path.join(outDir + '-cache'),
    ...extraEnvironment,
  });
  if (run.status !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
  return { outDir, run, read: (sitePath) => readFileSync(path.join(outDir, sitePath), 'utf8') };
}
