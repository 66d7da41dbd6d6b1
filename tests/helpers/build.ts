/** Runs the real build script (`npm run build`) as a child process, the way an editor or CI does. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './fixtures.ts';

export interface BuildRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runScript(script: 'build' | 'check', environment: Record<string, string>): BuildRun {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', `${script}.ts`)], {
    cwd: repoRoot,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...environment },
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
