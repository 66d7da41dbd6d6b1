/**
 * The seal of Astro's part of the build cache: its incremental-build manifest, the pages it
 * keeps to restore (`dist/`), its content store and image cache. Astro writes a page into its
 * cache as soon as it renders it, but its manifest only at the end, so a build stopped half-way
 * leaves new pages under the old build's keys. The seal closes that hole the way content-
 * addressed stores do: when a build finishes, the digest of every file is recorded beside its
 * path (`cache-seal`, itself a verified entry); before the next build uses the cache, every file
 * is hashed again, and any file the seal does not vouch for (changed by a stopped build,
 * damaged, restored from elsewhere) is deleted, so Astro renders it again. A manifest that does
 * not match takes all the cached pages with it: their keys can no longer be trusted.
 * The build's own caches (social images, references, search index) verify each entry on read
 * (verified-entry.ts) and are left out of the seal.
 */
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { readEntry, sha256, warnDamage, writeEntry, type DamageReport } from './verified-entry.ts';

const SEAL = 'cache-seal';
const MANIFEST = 'incremental-build.json';
const PAGES = 'dist';
/** Folders and files of the cache that are not Astro's: they verify themselves, or are the lock. */
const NOT_SEALED = new Set(['og-images', 'citations', 'search-index', SEAL]);
const isLockFile = (name: string) => name.startsWith('cache.lock');

interface FileState {
  digest: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/** What verification saw, so sealing can skip hashing files the build did not touch. */
export type SeenFiles = Map<string, FileState>;

async function sealableFiles(cacheDir: string): Promise<string[]> {
  const top = await readdir(cacheDir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of top) {
    if (NOT_SEALED.has(entry.name) || isLockFile(entry.name)) continue;
    if (entry.isFile()) files.push(entry.name);
    else if (entry.isDirectory()) {
      const inner = await readdir(path.join(cacheDir, entry.name), {
        recursive: true,
        withFileTypes: true,
      });
      for (const file of inner)
        if (file.isFile())
          files.push(path.relative(cacheDir, path.join(file.parentPath, file.name)));
    }
  }
  return files.sort();
}

async function fileState(file: string): Promise<FileState> {
  const [bytes, info] = await Promise.all([readFile(file), stat(file)]);
  const { size, mtimeMs, ctimeMs, ino } = info;
  return { digest: sha256(bytes), size, mtimeMs, ctimeMs, ino };
}

/** Runs `work` over `items`, a few at a time: file reads overlap with hashing. */
async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let item = queue.pop(); item !== undefined; item = queue.pop()) await work(item);
    }),
  );
}

/** "a/b.html does not match", or "4 files (a, b, c and 1 more) do not match". */
function mismatch(files: readonly string[]): string {
  if (files.length === 1) return `${files[0]} does not match its digest`;
  const shown = files.slice(0, 3).join(', ');
  const listed = files.length > 3 ? `${shown} and ${files.length - 3} more` : shown;
  return `${files.length} files (${listed}) do not match their digests`;
}

export interface Verification {
  /** Files deleted because the seal did not vouch for them (paths inside the cache). */
  discarded: string[];
  seen: SeenFiles;
}

/**
 * Deletes every file of Astro's cache that the last finished build did not seal, and reports
 * what it deleted in one line. Afterwards the cache holds only what a finished build left.
 */
export async function verifyAstroCache(
  cacheDir: string,
  report: DamageReport = warnDamage,
): Promise<Verification> {
  const files = await sealableFiles(cacheDir);
  const seen: SeenFiles = new Map();
  if (files.length === 0) return { discarded: [], seen };
  const record = await readEntry(path.join(cacheDir, SEAL), SEAL, report);
  const sealed = record
    ? (JSON.parse(Buffer.from(record).toString('utf8')) as Record<string, string>)
    : undefined;
  if (sealed === undefined) {
    await Promise.all(files.map((file) => rm(path.join(cacheDir, file), { force: true })));
    report(
      `The build cache ${cacheDir} has no seal from a finished build (it predates sealed caches, or its seal was lost); its ${files.length} files are discarded and made again.`,
    );
    return { discarded: files, seen };
  }
  const discarded: string[] = [];
  await inBatches(files, async (file) => {
    const state = await fileState(path.join(cacheDir, file));
    if (sealed[file] === state.digest) seen.set(file, state);
    else discarded.push(file);
  });
  if (discarded.length === 0) return { discarded, seen };
  discarded.sort();
  const changed = mismatch(discarded);
  // Pages are restored by the manifest's keys; a manifest not sealed vouches for none of them.
  const manifestChanged = discarded.includes(MANIFEST);
  if (manifestChanged) {
    for (const file of seen.keys())
      if (file.startsWith(`${PAGES}${path.sep}`)) {
        discarded.push(file);
        seen.delete(file);
      }
  }
  await Promise.all(discarded.map((file) => rm(path.join(cacheDir, file), { force: true })));
  const pronoun = discarded.length === 1 ? 'it is' : 'they are';
  report(
    manifestChanged
      ? `The build cache ${cacheDir}: ${changed} in the seal of the last finished build, and without its manifest no cached page can be trusted; ${discarded.length} files are discarded and made again.`
      : `The build cache ${cacheDir}: ${changed} in the seal of the last finished build; ${pronoun} discarded and made again.`,
  );
  return { discarded: discarded.sort(), seen };
}

/** Records the digest of every file of Astro's cache, once a build has finished writing it. */
export async function sealAstroCache(cacheDir: string, seen: SeenFiles = new Map()): Promise<void> {
  const sealed: Record<string, string> = {};
  const files = await sealableFiles(cacheDir);
  await inBatches(files, async (file) => {
    const full = path.join(cacheDir, file);
    const before = seen.get(file);
    const now = await stat(full);
    // A file verified at the start and not written since (same inode, size and times; the
    // change time cannot be set back by copying tools) keeps its digest; the lock keeps any
    // other writer out of the cache while this build runs.
    const untouched =
      before !== undefined &&
      before.ino === now.ino &&
      before.size === now.size &&
      before.mtimeMs === now.mtimeMs &&
      before.ctimeMs === now.ctimeMs;
    sealed[file] = untouched ? before.digest : (await fileState(full)).digest;
  });
  const ordered = Object.fromEntries(Object.entries(sealed).sort(([a], [b]) => (a < b ? -1 : 1)));
  await writeEntry(path.join(cacheDir, SEAL), SEAL, Buffer.from(JSON.stringify(ordered)));
}
