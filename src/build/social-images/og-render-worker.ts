/**
 * A worker thread that paints social images: painting and the PNG encoding are synchronous, so
 * drawing on the main thread would leave the other cores idle. Receives an OgJob, answers { file }; the file is a verified entry (verified-entry.ts).
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { collectGarbage } from '../collect-garbage.ts';
import { paintOgPng } from './og-painter.ts';
import type { OgJob } from './og-cache.ts';
import { encodeEntry } from '../verified-entry.ts';

const GC_EVERY = 8;
let drawn = 0;

parentPort?.on('message', ({ card, key, file }: OgJob) => {
  try {
    const png = paintOgPng(card);
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(temporary, encodeEntry(key, png));
    renameSync(temporary, file);
    parentPort?.postMessage({ file });
    // Each Resvg holds its parsed fonts and pixels in native memory that V8's collector does
    // not see, so without a nudge a worker grows by megabytes an image (4.5 GB at 5,000).
    if (++drawn % GC_EVERY === 0) collectGarbage();
  } catch (error) {
    parentPort?.postMessage({
      file,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
