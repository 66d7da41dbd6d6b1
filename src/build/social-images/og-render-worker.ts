/**
 * A worker thread that paints social images: painting and the PNG encoding are synchronous, so
 * drawing on the main thread would leave the other cores idle. Receives an OgJob, answers
 * { file }; the file is a verified entry (verified-entry.ts).
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { paintOgPng } from './og-painter.ts';
import type { OgJob } from './og-cache.ts';
import { encodeEntry } from '../verified-entry.ts';

parentPort?.on('message', ({ card, key, file }: OgJob) => {
  try {
    const png = paintOgPng(card);
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(temporary, encodeEntry(key, png));
    renameSync(temporary, file);
    parentPort?.postMessage({ file });
    // No collection forced here any more: a painted card's memory is V8's own (its rows and
    // PNG), which V8 sees and collects; 1,500 cards in a row stay at 184 MiB.
  } catch (error) {
    parentPort?.postMessage({
      file,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
