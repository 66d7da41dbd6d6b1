/**
 * Formatted references cached on disk by a hash of the readings, shared across builds:
 * citation-js costs a second to start and milliseconds per reference, so an unchanged
 * course should not pay it again, and a warm build need not load citation-js at all. Each file
 * is a verified entry (verified-entry.ts): one damaged or holding another key's references is
 * formatted again, never shown.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Reading } from '../collections/schemas/reading.ts';
import { formatReferences, type FormattedReference } from '../domain/citations.ts';
import { versionsOf } from './package-versions.ts';
import { readEntry, writeEntry } from './verified-entry.ts';

/** Bump when citations.ts changes its output, so cached entries are formatted again. */
const FORMAT_VERSION = 3;

/** What formats references besides citations.ts; an upgrade of any of them formats them again. */
export const CITATION_PACKAGES = [
  '@citation-js/core',
  '@citation-js/plugin-csl',
  'citeproc',
] as const;

/** The reference cache inside Astro's resolved `config.cacheDir`. */
export function citationCacheDir(astroCacheDir: string): string {
  return path.resolve(astroCacheDir, 'citations');
}

type Stored = { index: number; html: string; text: string }[];

const inMemory = new Map<string, Promise<Stored>>();

function parseStored(bytes: Uint8Array | undefined, count: number): Stored | undefined {
  if (bytes === undefined) return undefined;
  const stored = JSON.parse(Buffer.from(bytes).toString('utf8')) as Stored;
  // The digest proved these are the bytes stored under this key; the count is a last guard.
  return stored.every(({ index }) => index >= 0 && index < count) ? stored : undefined;
}

async function formatAndStore(
  readings: readonly Reading[],
  key: string,
  file: string,
): Promise<Stored> {
  const cached = parseStored(await readEntry(file, key), readings.length);
  if (cached) return cached;
  const formatted = await formatReferences(readings);
  const stored = formatted.map(({ html, text, reading }) => ({
    index: readings.indexOf(reading),
    html,
    text,
  }));
  await writeEntry(file, key, Buffer.from(JSON.stringify(stored)));
  return stored;
}

/** formatReferences, answered from the cache when these exact readings were formatted before. */
export async function cachedReferences(
  readings: readonly Reading[],
  cacheDir: string,
  formatterVersions: readonly string[] = versionsOf(CITATION_PACKAGES),
): Promise<FormattedReference[]> {
  if (readings.length === 0) return [];
  const key = createHash('sha256')
    .update(JSON.stringify([FORMAT_VERSION, formatterVersions, readings]))
    .digest('hex')
    .slice(0, 24);
  const file = path.join(cacheDir, `${key}.json`);
  let pending = inMemory.get(file);
  if (!pending) {
    pending = formatAndStore(readings, key, file);
    inMemory.set(file, pending);
  }
  return (await pending).map(({ index, html, text }) => ({
    html,
    text,
    reading: readings[index]!,
  }));
}
