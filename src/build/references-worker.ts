/**
 * A worker thread that formats references: formatting is synchronous (citeproc, apa-plain.ts),
 * so on the main thread it would hold up Vite's bundle for as long as it runs; here it runs
 * alongside. Receives readings, answers { formats } in the same order, or { error }.
 */
import { parentPort } from 'node:worker_threads';
import type { Reading } from '../collections/schemas/reading.ts';
import { formatEach } from '../domain/citations.ts';

parentPort?.on('message', (readings: Reading[]) => {
  formatEach(readings).then(
    (formats) => parentPort?.postMessage({ formats }),
    (error: unknown) =>
      parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
});
