/**
 * Formatted references cached on disk, one entry per distinct reference (a hash of its CSL
 * item), shared across builds and across courses: citation-js costs a second to start and
 * about a millisecond per reference (plain ones are written without it, src/domain/apa-plain.ts),
 * so a reference is formatted once, however many courses list it, and an unchanged one is never
 * formatted again. Before the pages render, the integration formats every reference the build
 * publishes in one batch (`prepareReferences`); a page then only puts its own in APA order
 * (`cachedReferences`), and in `astro dev` a page formats what it lacks on demand. A list in
 * which two readings may be cited alike (2019a, 2019b) is formatted whole and cached as a list,
 * since its entries depend on each other (src/domain/citations.ts). Each file is a verified
 * entry (verified-entry.ts): one damaged or holding another key's references is formatted
 * again, never shown.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Reading } from '../collections/schemas/reading.ts';
import {
  cslIdentity,
  formatEach,
  formatReferences,
  needsWholeList,
  referencesInApaOrder,
  type FormattedReference,
  type ReferenceFormat,
} from '../domain/citations.ts';
import { versionsOf } from './package-versions.ts';
import { processSingleton } from '../process/process-shared.ts';
import { readEntry, writeEntry } from './verified-entry.ts';

/** Bump when citations.ts changes its output, so cached entries are formatted again. */
const FORMAT_VERSION = 4;

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

/** One list formatted whole: each reference's place in the list given, then its text. */
type StoredList = { index: number; html: string; text: string }[];

// By entry file. Shared by the process's copies of this module: the integration fills it
// before the pages render, and the pages (another module graph) read it.
const references = processSingleton(
  'citation-references',
  () => new Map<string, Promise<ReferenceFormat>>(),
);
const lists = processSingleton('citation-lists', () => new Map<string, Promise<StoredList>>());

const entryKey = (...parts: unknown[]) =>
  createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 24);

interface Pending {
  file: string;
  key: string;
  reading: Reading;
}

function parseJson(bytes: Uint8Array | undefined): unknown {
  if (bytes === undefined) return undefined;
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return undefined;
  }
}

function isReferenceFormat(value: unknown): value is ReferenceFormat {
  const format = value as Partial<ReferenceFormat> | undefined;
  return (
    typeof format?.html === 'string' &&
    typeof format.text === 'string' &&
    Array.isArray(format.sortKeys)
  );
}

/** Reads the entries of `pending`, formats the missing ones in one batch and stores them. */
async function loadOrFormat(
  pending: readonly Pending[],
): Promise<{ formats: Map<string, ReferenceFormat>; formatted: number }> {
  const formats = new Map<string, ReferenceFormat>();
  const stored = await Promise.all(pending.map(({ file, key }) => readEntry(file, key)));
  const missing = pending.filter(({ file }, index) => {
    const format = parseJson(stored[index]);
    if (isReferenceFormat(format)) formats.set(file, format);
    return !formats.has(file);
  });
  if (missing.length > 0) {
    const made = await formatEach(missing.map(({ reading }) => reading));
    await Promise.all(
      missing.map(({ file, key }, index) => {
        const format = made[index]!;
        formats.set(file, format);
        return writeEntry(file, key, Buffer.from(JSON.stringify(format)));
      }),
    );
  }
  return { formats, formatted: missing.length };
}

/** Each reading's reference, from memory, the cache, or one batch for all that are new. */
async function referenceFormats(
  readings: readonly Reading[],
  cacheDir: string,
  versions: readonly string[],
): Promise<{ formats: ReferenceFormat[]; distinct: number; formatted: number }> {
  const files = readings.map((reading) => {
    const key = entryKey(FORMAT_VERSION, versions, cslIdentity(reading));
    return { file: path.join(cacheDir, `${key}.json`), key, reading };
  });
  const pending = new Map<string, Pending>();
  for (const entry of files)
    if (!references.has(entry.file) && !pending.has(entry.file)) pending.set(entry.file, entry);
  let formatted = 0;
  if (pending.size > 0) {
    const loading = loadOrFormat([...pending.values()]);
    for (const file of pending.keys())
      references.set(
        file,
        loading.then(({ formats }) => formats.get(file)!),
      );
    formatted = (await loading).formatted;
  }
  const formats = await Promise.all(files.map(({ file }) => references.get(file)!));
  return { formats, distinct: new Set(files.map(({ file }) => file)).size, formatted };
}

async function formatAndStoreList(
  readings: readonly Reading[],
  key: string,
  file: string,
): Promise<StoredList> {
  const stored = parseJson(await readEntry(file, key)) as StoredList | undefined;
  // The digest proved these are the bytes stored under this key; the count is a last guard.
  if (stored?.every(({ index }) => index >= 0 && index < readings.length)) return stored;
  const formatted = await formatReferences(readings);
  const list = formatted.map(({ html, text, reading }) => ({
    index: readings.indexOf(reading),
    html,
    text,
  }));
  await writeEntry(file, key, Buffer.from(JSON.stringify(list)));
  return list;
}

/** A list whose entries depend on each other, formatted and cached whole. */
async function wholeList(
  readings: readonly Reading[],
  cacheDir: string,
  versions: readonly string[],
): Promise<FormattedReference[]> {
  const key = entryKey(FORMAT_VERSION, versions, 'list', readings.map(cslIdentity));
  const file = path.join(cacheDir, `${key}.json`);
  let pending = lists.get(file);
  if (!pending) {
    pending = formatAndStoreList(readings, key, file);
    lists.set(file, pending);
  }
  return (await pending).map(({ index, html, text }) => ({
    html,
    text,
    reading: readings[index]!,
  }));
}

/**
 * Formats, or finds in the cache, every reference of `readingLists` before the pages ask:
 * the distinct references of lists that can be assembled from single references in one batch,
 * the lists that cannot whole.
 */
export async function prepareReferences(
  readingLists: readonly (readonly Reading[])[],
  cacheDir: string,
  formatterVersions: readonly string[] = versionsOf(CITATION_PACKAGES),
): Promise<{ references: number; formatted: number }> {
  const whole: (readonly Reading[])[] = [];
  const single: Reading[] = [];
  for (const readings of readingLists)
    if (needsWholeList(readings)) whole.push(readings);
    else single.push(...readings);
  const [{ distinct, formatted }] = await Promise.all([
    referenceFormats(single, cacheDir, formatterVersions),
    ...whole.map((readings) => wholeList(readings, cacheDir, formatterVersions)),
  ]);
  return { references: distinct, formatted };
}

/** formatReferences, answered from the cache: the same references in the same order. */
export async function cachedReferences(
  readings: readonly Reading[],
  cacheDir: string,
  formatterVersions: readonly string[] = versionsOf(CITATION_PACKAGES),
): Promise<FormattedReference[]> {
  if (readings.length === 0) return [];
  if (!needsWholeList(readings)) {
    const { formats } = await referenceFormats(readings, cacheDir, formatterVersions);
    const ordered = referencesInApaOrder(readings, formats);
    if (ordered) return ordered;
  }
  return wholeList(readings, cacheDir, formatterVersions);
}
