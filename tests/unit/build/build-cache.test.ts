import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBuildCache } from '../../../src/build/build-cache.ts';
import { repoRoot } from '../../helpers/fixtures.ts';

describe('openBuildCache', () => {
  it('works in a fresh cache of its own while a build of another project holds the cache', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'ce-build-cache-test-'));
    const cache = path.join(work, 'cache');
    const start = path.join(work, 'start');
    await writeFile(start, '');
    // Another project's build: a process that holds the cache's lock for a while.
    const other = spawn(
      process.execPath,
      [
        path.join(repoRoot, 'tests/helpers/lock-contender.ts'),
        path.join(cache, 'cache.lock'),
        start,
        '5000',
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => other.stdout.once('data', () => resolve()));
    const said: string[] = [];
    const opened = await openBuildCache(path.join(work, 'project'), cache, (line) =>
      said.push(line),
    );
    other.kill();
    expect(opened.isPrivate).toBe(true);
    expect(opened.dir).not.toBe(cache);
    expect(existsSync(opened.dir)).toBe(true);
    expect(said).toEqual([
      `The build cache ${cache} is in use by another build (process ${other.pid}); this build uses a fresh cache of its own.`,
    ]);
    await opened.finish();
  });

  it('takes a free cache, and seals it when the build finishes', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'ce-build-cache-test-'));
    const cache = path.join(work, 'cache');
    const said: string[] = [];
    const opened = await openBuildCache(path.join(work, 'project'), cache, (line) =>
      said.push(line),
    );
    expect(opened).toMatchObject({ dir: cache, isPrivate: false });
    await writeFile(path.join(cache, 'incremental-build.json'), '{}');
    await opened.finish();
    expect(existsSync(path.join(cache, 'cache-seal'))).toBe(true);
    const again = await openBuildCache(path.join(work, 'project'), cache, (line) =>
      said.push(line),
    );
    expect(again.discarded.size).toBe(0);
    expect(said).toEqual([]);
    await again.finish();
  });
});
