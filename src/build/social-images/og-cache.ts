/**
 * Social images cached on disk by content hash, shared across builds. The build steps
 * (build-steps.ts) warm the cache on worker threads before Astro renders; the image endpoint then only reads
 * files (and draws one itself only if the cache was cleared in between). Every entry carries
 * the digest of its bytes (verified-entry.ts): a damaged image is drawn again, never published.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { isCurrentOgEncoding, ogCardHash, renderOgPng, type OgCard } from './og-image.ts';
import { readEntry, writeEntry } from '../verified-entry.ts';

/** The image cache inside Astro's resolved `config.cacheDir`. */
export function ogCacheDir(astroCacheDir: string): string {
  return path.resolve(astroCacheDir, 'og-images');
}

/** The PNG for a card: from the cache, or drawn and stored (atomically, so a crash leaves no half file). */
export async function cachedOgImage(
  card: OgCard,
  cacheDir: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const key = ogCardHash(card);
  const file = path.join(cacheDir, `${key}.png`);
  const cached = await readEntry(file, key);
  if (cached && isCurrentOgEncoding(cached)) return new Uint8Array(cached);
  const png = new Uint8Array(await renderOgPng(card));
  await writeEntry(file, key, png);
  return png;
}

/**
 * Draws every missing image on worker threads, one per core, so a cold build's thousands of
 * images take a fraction of the time. Used by the build steps, before Astro renders pages.
 */
export async function warmOgCache(
  cards: readonly OgCard[],
  cacheDir: string,
): Promise<{ drawn: number; reused: number }> {
  const missing: OgJob[] = [];
  const checked = new Map<string, Promise<boolean>>();
  await Promise.all(
    cards.map(async (card) => {
      const key = ogCardHash(card);
      const file = path.join(cacheDir, `${key}.png`);
      // One read per distinct image, however many courses share it.
      let present = checked.get(file);
      if (!present) {
        present = readEntry(file, key).then(
          (bytes) => bytes !== undefined && isCurrentOgEncoding(bytes),
        );
        checked.set(file, present);
      }
      if (!(await present)) missing.push({ card, key, file });
    }),
  );
  const unique = [...new Map(missing.map((job) => [job.file, job])).values()];
  if (unique.length > 0) await drawOnWorkers(unique);
  return { drawn: unique.length, reused: cards.length - missing.length };
}

/** One image for a worker to draw and store under `key` in `file`. */
export interface OgJob {
  card: OgCard;
  key: string;
  file: string;
}

async function drawOnWorkers(jobs: OgJob[]): Promise<void> {
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
