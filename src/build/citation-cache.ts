/**
 * Formatted references cached on disk, one entry per distinct reference (a hash of its CSL
/**
 * Formatted references cached on disk, one entry per distinct reference (a hash of its CSL
 * item), shared across builds and across courses: citation-js costs a second to start and
 * about a millisecond per reference (plain ones are written without it, src/domain/apa-plain.ts),
 * so a reference is formatted once, however many courses list it, and an unchanged one is never
 * formatted again. Before the pages render, the integration formats every reference the build
 * publishes in one batch (`prepareReferences`); a page then only puts its own in APA order
 * (`cachedReferences`), and in `astro dev` a page formats what it lacks on demand. A list in
 * which two readings may be cited alike (2019a, 2019b) is formatted whole and cached as a list,
 * since its entries depend on each other (src/domain/citations.ts). Single references are
 * stored in packs, by the first two hex digits of their key: at most 256 files, not one a
 * reference, because creating a file costs more than formatting a reference (4,834 files were
 * 1–2 CPU-s of a 1,000-course cold build, most of it the kernel finding inodes). Each file is a
 * verified entry (verified-entry.ts): one damaged or holding another key's references is
 * formatted again, never shown.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Reading } from '../collections/schemas/reading.ts';
import {
  cslIdentity,
  formatEach,
  formatListWhole,
  needsWholeList,
  referencesInApaOrder,
  type FormattedReference,
  type ListEntry,
  type ReferenceFormat,
} from '../domain/citations.ts';
import type { ReferencesJob } from './references-worker.ts';
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
type StoredList = ListEntry[];

// By entry file. Shared by the process's copies of this module: the integration fills it
// before the pages render, and the pages (another module graph) read it.
const references = processSingleton(
  'citation-references',
  () => new Map<string, Promise<ReferenceFormat>>(),
);
const lists = processSingleton('citation-lists', () => new Map<string, Promise<StoredList>>());
/** Each pack file's references as this process last read or wrote them, and its last write. */
const packs = processSingleton(
  'citation-packs',
  () =>
    new Map<string, { formats: Promise<Map<string, ReferenceFormat>>; written: Promise<void> }>(),
);

const entryKey = (...parts: unknown[]) =>
  createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 24);

interface Pending {
  /** The reference's key: what it is, formatted by which versions. */
  key: string;
  /** The pack file it is stored in, and that file's own key. */
  pack: { file: string; key: string };
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

/** A pack's references, read once a process; a damaged pack reads as empty (and is rewritten). */
function packFormats(pack: Pending['pack']): Promise<Map<string, ReferenceFormat>> {
  let known = packs.get(pack.file);
  if (!known) {
    const formats = readEntry(pack.file, pack.key).then((bytes) => {
      const stored = parseJson(bytes);
      const entries = typeof stored === 'object' && stored !== null ? Object.entries(stored) : [];
      return new Map(
        entries.filter((entry): entry is [string, ReferenceFormat] => isReferenceFormat(entry[1])),
      );
    });
    known = { formats, written: Promise.resolve() };
    packs.set(pack.file, known);
  }
  return known.formats;
}

/**
 * Adds `added` to a pack and writes it whole. Writes of one pack follow each other, each with
 * every reference known by then, so concurrent additions are never lost within a process; two
 * builds sharing a cache may lose each other's additions, which only costs a later format.
 */
async function addToPack(pack: Pending['pack'], added: Map<string, ReferenceFormat>) {
  const known = packs.get(pack.file)!;
  const formats = new Map([...(await known.formats), ...added]);
  known.formats = Promise.resolve(formats);
  known.written = known.written.then(() =>
    writeEntry(pack.file, pack.key, Buffer.from(JSON.stringify(Object.fromEntries(formats)))),
  );
  await known.written;
}

/** What formats references: this thread, or a worker thread. */
interface Formatter {
  each(readings: readonly Reading[]): Promise<ReferenceFormat[]>;
  list(readings: readonly Reading[]): Promise<StoredList>;
}

const onThisThread: Formatter = { each: formatEach, list: formatListWhole };

/**
 * One worker thread (references-worker.ts) for every job of a prepareReferences, single
 * references and whole lists alike, so citeproc never loads on the main thread while Vite
 * bundles. It starts with the first job (a warm build has none) and ends with `close`; a job
 * still waiting then, or when the worker fails, is rejected, never left pending.
 */
function workerFormatter(): Formatter & { close(): void } {
  let worker: Worker | undefined;
  let stopped: Error | undefined;
  let nextId = 0;
  const waiting = new Map<number, { resolve(value: never): void; reject(error: Error): void }>();
  const stop = (error: Error) => {
    stopped ??= error;
    for (const job of waiting.values()) job.reject(stopped);
    waiting.clear();
  };
  const start = () => {
    const started = new Worker(new URL('./references-worker.ts', import.meta.url));
    started.on(
      'message',
      ({ id, result, error }: { id: number; result?: never; error?: string }) => {
        const job = waiting.get(id);
        waiting.delete(id);
        if (error === undefined) job?.resolve(result!);
        else job?.reject(new Error(`Formatting references: ${error}`));
      },
    );
    started.on('error', stop);
    started.on('exit', () => stop(new Error('Formatting references: the worker thread stopped')));
    return started;
  };
  const ask = <T>(kind: ReferencesJob['kind'], readings: readonly Reading[]) =>
    new Promise<T>((resolve, reject) => {
      if (stopped) return reject(stopped);
      worker ??= start();
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (value: never) => void, reject });
      worker.postMessage({ id, kind, readings } satisfies ReferencesJob);
    });
  return {
    each: (readings) => ask('each', readings),
    list: (readings) => ask('list', readings),
    close: () => void worker?.terminate(),
  };
}

/** Reads the packs of `pending`, formats the missing references in one batch and stores them. */
async function loadOrFormat(
  pending: readonly Pending[],
  formatter: Formatter,
): Promise<{ formats: Map<string, ReferenceFormat>; formatted: number }> {
  const formats = new Map<string, ReferenceFormat>();
  const stored = await Promise.all(pending.map(({ pack }) => packFormats(pack)));
  const missing = pending.filter(({ key }, index) => {
    const format = stored[index]!.get(key);
    if (format) formats.set(key, format);
    return !format;
  });
  if (missing.length > 0) {
    const made = await formatter.each(missing.map(({ reading }) => reading));
    const byPack = new Map<
      string,
      { pack: Pending['pack']; added: Map<string, ReferenceFormat> }
    >();
    missing.forEach(({ key, pack }, index) => {
      formats.set(key, made[index]!);
      const entry = byPack.get(pack.file) ?? { pack, added: new Map() };
      entry.added.set(key, made[index]!);
      byPack.set(pack.file, entry);
    });
    await Promise.all([...byPack.values()].map(({ pack, added }) => addToPack(pack, added)));
  }
  return { formats, formatted: missing.length };
}

/** Each reading's reference, from memory, the cache, or one batch for all that are new. */
async function referenceFormats(
  readings: readonly Reading[],
  cacheDir: string,
  versions: readonly string[],
  formatter: Formatter = onThisThread,
): Promise<{ formats: ReferenceFormat[]; distinct: number; formatted: number }> {
  // At most 256 packs for thousands of references: each pack's key is worked out once.
  const packsByPrefix = new Map<string, Pending['pack']>();
  const packOf = (prefix: string): Pending['pack'] => {
    let pack = packsByPrefix.get(prefix);
    if (!pack) {
      const packKey = entryKey(FORMAT_VERSION, versions, 'pack', prefix);
      pack = { file: path.join(cacheDir, `${packKey}.json`), key: packKey };
      packsByPrefix.set(prefix, pack);
    }
    return pack;
  };
  const entries = readings.map((reading): Pending => {
    const key = entryKey(FORMAT_VERSION, versions, cslIdentity(reading));
    return { key, pack: packOf(key.slice(0, 2)), reading };
  });
  // In memory by the pack's folder too: two caches in one process never answer for each other.
  const memoryKey = (entry: Pending) => `${entry.pack.file} ${entry.key}`;
  const pending = new Map<string, Pending>();
  for (const entry of entries)
    if (!references.has(memoryKey(entry)) && !pending.has(memoryKey(entry)))
      pending.set(memoryKey(entry), entry);
  let formatted = 0;
  if (pending.size > 0) {
    const loading = loadOrFormat([...pending.values()], formatter);
    for (const [name, { key }] of pending) {
      const format = loading.then(({ formats }) => formats.get(key)!);
      // A failure is thrown below and to each page that asks; unasked, it is not unhandled.
      format.catch(() => undefined);
      references.set(name, format);
    }
    formatted = (await loading).formatted;
  }
  const formats = await Promise.all(entries.map((entry) => references.get(memoryKey(entry))!));
  return { formats, distinct: new Set(entries.map(({ key }) => key)).size, formatted };
}

async function formatAndStoreList(
  readings: readonly Reading[],
  key: string,
  file: string,
  formatter: Formatter,
): Promise<StoredList> {
  const stored = parseJson(await readEntry(file, key)) as StoredList | undefined;
  // The digest proved these are the bytes stored under this key; the count is a last guard.
  if (stored?.every(({ index }) => index >= 0 && index < readings.length)) return stored;
  const list = await formatter.list(readings);
  await writeEntry(file, key, Buffer.from(JSON.stringify(list)));
  return list;
}

/** A list whose entries depend on each other, formatted and cached whole. */
async function wholeList(
  readings: readonly Reading[],
  cacheDir: string,
  versions: readonly string[],
  formatter: Formatter = onThisThread,
): Promise<FormattedReference[]> {
  const key = entryKey(FORMAT_VERSION, versions, 'list', readings.map(cslIdentity));
  const file = path.join(cacheDir, `${key}.json`);
  let pending = lists.get(file);
  if (!pending) {
    pending = formatAndStoreList(readings, key, file, formatter);
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
 * the lists that cannot whole (`onWorker`: all on one worker thread, so the main thread goes on
 * meanwhile). Every reference is registered before the first await, so a page that asks while the
 * batch is formatted waits for it rather than formatting its own.
 */
export async function prepareReferences(
  readingLists: readonly (readonly Reading[])[],
  cacheDir: string,
  formatterVersions: readonly string[] = versionsOf(CITATION_PACKAGES),
  { onWorker = false }: { onWorker?: boolean } = {},
): Promise<{ references: number; formatted: number }> {
  const whole: (readonly Reading[])[] = [];
  const single: Reading[] = [];
  for (const readings of readingLists)
    if (needsWholeList(readings)) whole.push(readings);
    else single.push(...readings);
  const worker = onWorker ? workerFormatter() : undefined;
  const formatter = worker ?? onThisThread;
  try {
    const [{ distinct, formatted }] = await Promise.all([
      referenceFormats(single, cacheDir, formatterVersions, formatter),
      ...whole.map((readings) => wholeList(readings, cacheDir, formatterVersions, formatter)),
    ]);
    return { references: distinct, formatted };
  } finally {
    worker?.close();
  }
}

/**
 * Drops the references this process holds in memory, once the pages that read them are
 * written: the build steps free what they can before Pagefind's indexer starts beside them.
 * Anything asked for later is read from the cache again.
 */
export function forgetReferences(): void {
  references.clear();
  lists.clear();
  packs.clear();
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
