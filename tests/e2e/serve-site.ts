/**
 * The browser tests' web server: builds content/ plus the browser-test fixtures
 * (tests/fixtures/e2e), the CE-disclosure fixture (tests/fixtures/ce) and the course offered three
 * times (tests/fixtures/offerings) and the jointly accredited on-demand course (tests/fixtures/clock)
 * with the clock pinned, then serves the result with its _headers.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runScript } from '../helpers/build.ts';

export const E2E_NOW = '2026-11-30T12:00:00Z';
const root = path.resolve(import.meta.dirname, '../..');
const siteDir = path.join(root, '.e2e/site');
const port = process.argv[2] ?? '4399';

const contentDir = await mkdtemp(path.join(tmpdir(), 'ce-e2e-content-'));
await cp(path.join(root, 'content'), contentDir, { recursive: true });
await cp(path.join(root, 'tests/fixtures/e2e'), contentDir, { recursive: true });
await cp(path.join(root, 'tests/fixtures/ce'), contentDir, { recursive: true });
await cp(path.join(root, 'tests/fixtures/offerings'), contentDir, { recursive: true });
await cp(path.join(root, 'tests/fixtures/clock'), contentDir, { recursive: true });
await rm(siteDir, { recursive: true, force: true });
const build = runScript('build', {
  CONTENT_DIR: contentDir,
  OUT_DIR: siteDir,
  SITE_NOW: E2E_NOW,
  ASTRO_CACHE_DIR: path.join(root, '.e2e/cache'),
});
if (build.status !== 0) {
  console.error(build.stdout, build.stderr);
  process.exit(1);
}
spawn(process.execPath, [path.join(root, 'scripts/serve.ts'), siteDir, port], { stdio: 'inherit' });
