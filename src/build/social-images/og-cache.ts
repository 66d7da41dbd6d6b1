/**
 * Social images cached on disk by content hash, shared across builds. The build steps
 * (build-steps.ts) start drawing the missing ones on a worker thread while Astro bundles and
 * renders; the image endpoint reads each file, waiting for or drawing one not yet stored.
 * Every entry carries the digest of its bytes (verified-entry.ts): a damaged image is drawn
 * again, never published.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { isCurrentOgEncoding, ogCardHash, renderOgPng, type OgCard } from './og-image.ts';
import { readEntry, writeEntry } from '../verified-entry.ts';
import { processSingleton } from '../../process/process-shared.ts';

/** The image cache inside Astro's resolved `config.cacheDir`. */
export function ogCacheDir(astroCacheDir: string): string {
  return path.resolve(astroCacheDir, 'og-images');
}

/** One image for a worker to draw and store under `key` in `file`. */
export interface OgJob {
  card: OgCard;
  key: string;
  file: string;
}

/**
 * Cards this build is still drawing: waiting for a worker (`queued`, in the order the workers
 * take them) or being drawn (`drawing`). One per process, as the build steps and the image
 * route each load their own copy of this module (process-shared.ts).
 */
interface OgDrawings {
  queued: Map<string, OgJob>;
  drawing: Map<string, Promise<void>>;
}

const drawings = () =>
  processSingleton<OgDrawings>('og-drawings', () => ({ queued: new Map(), drawing: new Map() }));

/**
 * The PNG for a card: from the cache, or drawn and stored (atomically, so a crash leaves no
 * half file). A card a worker is drawing is waited for; one still queued is taken from the
 * queue and drawn here, so a page never waits behind the rest of the queue.
 */
export async function cachedOgImage(
  card: OgCard,
  cacheDir: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const key = ogCardHash(card);
  const file = path.join(cacheDir, `${key}.png`);
  const { queued, drawing } = drawings();
  queued.delete(file);
  // A failed drawing is drawn again below; the build steps report the worker's error.
  await drawing.get(file)?.catch(() => undefined);
  const cached = await readEntry(file, key);
  if (cached && isCurrentOgEncoding(cached)) return new Uint8Array(cached);
  const png = new Uint8Array(await renderOgPng(card));
  await writeEntry(file, key, png);
  return png;
}

/** Draws every missing image on worker threads, one per core, and resolves when all are stored. */
export async function warmOgCache(
  cards: readonly OgCard[],
  cacheDir: string,
): Promise<{ drawn: number; reused: number }> {
  const started = await startOgDrawing(cards, cacheDir, availableParallelism());
  await started.done;
  return { drawn: started.drawn, reused: started.reused };
}

/**
 * Starts drawing every missing image on `threads` worker threads and returns once the cache is
 * checked, so the drawing can run alongside Astro's bundle and pages: a cold build's cards no
 * longer wait while the pages leave a core idle. `done` settles when every card is stored.
 */
export async function startOgDrawing(
  cards: readonly OgCard[],
  cacheDir: string,
  threads: number,
): Promise<{ drawn: number; reused: number; done: Promise<void> }> {
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
  const done = unique.length > 0 ? drawOnWorkers(unique, threads) : Promise.resolve();
  // The caller awaits it once the pages are written; until then a failure is not unhandled.
  done.catch(() => undefined);
  return { drawn: unique.length, reused: cards.length - missing.length, done };
}

async function drawOnWorkers(jobs: readonly OgJob[], threads: number): Promise<void> {
  const { queued, drawing } = drawings();
  for (const job of jobs) queued.set(job.file, job);
  const next = (): OgJob | undefined => {
    const job = queued.values().next().value;
    if (job) queued.delete(job.file);
    return job;
  };
  const workerFile = new URL('./og-render-worker.ts', import.meta.url);
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(jobs.length, threads)) }, async () => {
      const worker = new Worker(workerFile);
      try {
        for (let job = next(); job; job = next()) {
          const current = job;
          const drawn = new Promise<void>((resolve, reject) => {
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
          drawing.set(current.file, drawn);
          try {
            await drawn;
          } finally {
            drawing.delete(current.file);
          }
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
}
