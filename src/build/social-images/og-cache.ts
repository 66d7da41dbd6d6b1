/**
 * Social images cached on disk by content hash, shared across builds. The build script warms
 * the cache on worker threads before Astro renders; the image endpoint then only reads files
 * (and draws one itself only if the cache was cleared in between).
 */
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { ogCardHash, renderOgPng, type OgCard } from './og-image.ts';

export function ogCacheDir(
  astroCacheDir = process.env['ASTRO_CACHE_DIR'] ?? 'node_modules/.astro',
): string {
  return path.resolve(astroCacheDir, 'og-images');
}

async function readCached(file: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
  return readFile(file).then(
    (bytes) => new Uint8Array(bytes),
    () => undefined,
  );
}

/** The PNG for a card: from the cache, or drawn and stored (atomically, so a crash leaves no half file). */
export async function cachedOgImage(
  card: OgCard,
  cacheDir = ogCacheDir(),
): Promise<Uint8Array<ArrayBuffer>> {
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
 * Draws every missing image on worker threads, one per core, so a cold build's thousands of
 * images take a fraction of the time. Used by the build script, before Astro renders pages.
 */
export async function warmOgCache(
  cards: readonly OgCard[],
  cacheDir = ogCacheDir(),
): Promise<{ drawn: number; reused: number }> {
  const missing: { card: OgCard; file: string }[] = [];
  await Promise.all(
    cards.map(async (card) => {
      const file = path.join(cacheDir, `${ogCardHash(card)}.png`);
      if (!(await stat(file).catch(() => undefined))) missing.push({ card, file });
    }),
  );
  const unique = [...new Map(missing.map((job) => [job.file, job])).values()];
  if (unique.length > 0) await drawOnWorkers(unique);
  return { drawn: unique.length, reused: cards.length - missing.length };
}

async function drawOnWorkers(jobs: { card: OgCard; file: string }[]): Promise<void> {
  const queue = [...jobs];
  const threads = Math.min(queue.length, Math.max(1, availableParallelism()));
  const workerFile = new URL('./og-render-worker.ts', import.meta.url);
  await Promise.all(
    Array.from({ length: threads }, async () => {
      const worker = new Worker(workerFile);
      try {
        for (let job = queue.pop(); job; job = queue.pop()) {
          const current = job;
          await new Promise<void>((resolve, reject) => {
            const onError = (error: Error) => reject(error);
            worker.once('error', onError);
            worker.once('message', (reply: { file: string; error?: string }) => {
              worker.off('error', onError);
              if (reply.error)
                reject(new Error(`Social image for "${current.card.title}": ${reply.error}`));
              else resolve();
            });
            worker.postMessage(current);
          });
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
}
