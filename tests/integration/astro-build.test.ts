/**
 * `astro build` alone makes the site `npm run build` makes: every page, social image, calendar
 * and the search index come from Astro and the site's integration, not from the build script,
 * which only validates first and swaps the finished folder in.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build.ts';
import { realContentWith, repoRoot } from '../helpers/fixtures.ts';
import { snapshot } from '../helpers/site-files.ts';

const NOW = '2026-11-30T12:00:00Z';

let viaScript: BuiltSite;
let astroOnly: string;

beforeAll(async () => {
  const contentDir = await realContentWith('offerings');
  viaScript = buildSite(contentDir, NOW);
  const work = await mkdtemp(path.join(tmpdir(), 'astro-build-'));
  astroOnly = path.join(work, 'dist');
  const run = spawnSync(
    path.join(repoRoot, 'node_modules/.bin/astro'),
    ['build', '--outDir', astroOnly],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        CONTENT_DIR: contentDir,
        SITE_NOW: NOW,
        ASTRO_CACHE_DIR: path.join(work, 'cache'),
      },
      encoding: 'utf8',
      timeout: 300_000,
    },
  );
  if (run.status !== 0) throw new Error(`astro build failed:\n${run.stdout}\n${run.stderr}`);
}, 600_000);

describe('astro build on its own', () => {
  it('makes the same files, byte for byte, search index included', async () => {
    const script = await snapshot(viaScript.outDir);
    const astro = await snapshot(astroOnly);
    expect([...astro.keys()].sort()).toEqual([...script.keys()].sort());
    expect(astro).toEqual(script);
    expect(astro.has('pagefind/pagefind.js')).toBe(true);
    expect([...astro.keys()].filter((file) => file.startsWith('og/')).length).toBeGreaterThan(1);
    expect([...astro.keys()].filter((file) => file.endsWith('.ics')).length).toBeGreaterThan(1);
  });
});
