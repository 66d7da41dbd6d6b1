/**
 * Social images cached on disk by content hash, shared across builds. The build script warms
 * the cache in parallel before Astro renders; the image endpoint then only reads files.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { ogCardHash, renderOgPng, type OgCard } from './og-image.ts';

export function ogCacheDir(astroCacheDir = process.env['ASTRO_CACHE_DIR'] ?? 'node_modules/.astro'): string {
  return path.resolve(astroCacheDir, 'og-images');
}

async function readCached(file: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
  return readFile(file).then(
    (bytes) => new Uint8Array(bytes),
    () => undefined,
  );
}

/** The PNG for a card: from the cache, or drawn and stored (atomically, so a crash leaves no half file). */
export async function cachedOgImage(card: OgCard, cacheDir = ogCacheDir()): Promise<Uint8Array<ArrayBuffer>> {
  const file = path.join(cacheDir, `${ogCardHash(card)}.png`);
  const cached = await readCached(file);
  if (cached) return cached;
  const png = new Uint8Array(await renderOgPng(card));
  await mkdir(cacheDir, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, png);
  await rename(temporary, file);
  return png;
}

/**
 * Draws every missing image, several at a time. resvg renders on libuv's thread pool, so
 * promises in flight use the machine's cores without worker boilerplate.
 */
export async function warmOgCache(cards: readonly OgCard[], cacheDir = ogCacheDir()): Promise<{ drawn: number; reused: number }> {
  let drawn = 0;
  let reused = 0;
  const queue = [...cards];
  const worker = async () => {
    for (let card = queue.pop(); card; card = queue.pop()) {
      const file = path.join(cacheDir, `${ogCardHash(card)}.png`);
      if (await readCached(file)) reused += 1;
      else {
        await cachedOgImage(card, cacheDir);
        drawn += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, worker));
  return { drawn, reused };
}
