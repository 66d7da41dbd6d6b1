/** Builds test content folders from the valid base fixture plus an overlay of changed files. */
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const fixturesDir = path.join(repoRoot, 'tests/fixtures');

/** A fresh temporary copy of tests/fixtures/base with `overlay` (a folder under tests/fixtures) copied over it. */
export async function contentWithOverlay(overlay?: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ce-content-'));
  await cp(path.join(fixturesDir, 'base'), dir, { recursive: true });
  if (overlay) await cp(path.join(fixturesDir, overlay), dir, { recursive: true });
  return dir;
}

/** A temporary copy of the real content/ with fixture folders (under tests/fixtures) laid over it. */
export async function realContentWith(...overlays: string[]): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ce-content-'));
  await cp(path.join(repoRoot, 'content'), dir, { recursive: true });
  for (const overlay of overlays)
    await cp(path.join(fixturesDir, overlay), dir, { recursive: true });
  return dir;
}
