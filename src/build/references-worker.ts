/**
 * A worker thread that formats references: formatting is synchronous (citeproc, apa-plain.ts),
 * so on the main thread it would hold up Vite's bundle for as long as it runs; here it runs
 * alongside. Each job is answered by its id: { id, result } or { id, error }.
 */
import { parentPort } from 'node:worker_threads';
import type { Reading } from '../collections/schemas/reading.ts';
import { formatEach, formatListWhole } from '../domain/citations.ts';

/** `each`: every reading on its own (formatEach); `list`: one list whole (formatListWhole). */
export interface ReferencesJob {
  id: number;
  kind: 'each' | 'list';
  readings: readonly Reading[];
}

parentPort?.on('message', ({ id, kind, readings }: ReferencesJob) => {
  const work = kind === 'each' ? formatEach(readings) : formatListWhole(readings);
  work.then(
    (result) => parentPort?.postMessage({ id, result }),
    (error: unknown) =>
      parentPort?.postMessage({
        id,
        error: error instanceof Error ? error.message : String(error),
      }),
  );
});
