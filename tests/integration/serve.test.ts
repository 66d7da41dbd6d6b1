/** `npm run serve` answers only with files of the site it serves. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/fixtures.ts';

let server: ChildProcess;
let base: string;

beforeAll(async () => {
  const folder = await mkdtemp(path.join(tmpdir(), 'ce-serve-'));
  const site = path.join(folder, 'site');
  await mkdir(site);
  await mkdir(path.join(folder, 'site-cache'));
  await writeFile(path.join(site, 'index.html'), '<!doctype html><title>Home</title>');
  await writeFile(path.join(site, '404.html'), '<!doctype html><title>Not found</title>');
  await writeFile(path.join(folder, 'site-cache', 'secret.txt'), 'secret');
  server = spawn(process.execPath, [path.join(repoRoot, 'scripts/serve.ts'), site, '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  base = await new Promise<string>((resolve) => {
    server.stdout!.on('data', (chunk: Buffer) => {
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(chunk.toString());
      if (match) resolve(match[0]);
    });
  });
});

afterAll(() => void server.kill());

describe('npm run serve', () => {
  it('serves the site', async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Home</title>');
  });

  it.each([
    '/..%2Fsite-cache/secret.txt',
    '/..%2fsite-cache%2fsecret.txt',
    '/%2e%2e%2Fsite-cache/secret.txt',
    '/%E0%A4%A',
  ])('answers %s with the 404 page, never a file outside the site', async (urlPath) => {
    const response = await fetch(`${base}${urlPath}`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('<title>Not found</title>');
  });
});
