/**
 * One cache entry in one file that proves itself before it is used: a header line with the key
 * it was stored under, the SHA-256 of its payload and the payload's length, then the payload.
 * As in content-addressed stores (Bazel's cache, the Nix store), an entry is trusted only if its
 * bytes hash to the digest kept beside its key: a truncated, emptied or garbled file, or another
 * key's entry copied over it, fails the check, is deleted, and is made again. Entries are written
 * to a temporary file and renamed into place, so a kill leaves the old entry or the new one.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const MAGIC = 'ce-cache-entry 1';

export const sha256 = (bytes: Uint8Array | string): string =>
  createHash('sha256').update(bytes).digest('hex');

/** Why a stored entry was not used, in a few words, or undefined when it is sound. */
export function entryProblem(stored: Uint8Array, key: string): string | undefined {
  const newline = stored.indexOf(0x0a);
  if (newline < 0) return 'no header';
  const [magic, version, storedKey, digest, length, ...rest] = Buffer.from(
    stored.subarray(0, newline),
  )
    .toString('utf8')
    .split(' ');
  if (`${magic} ${version}` !== MAGIC || rest.length > 0) return 'no header';
  if (storedKey !== key) return `it holds the entry for another key (${storedKey})`;
  const payload = stored.subarray(newline + 1);
  if (String(payload.length) !== length)
    return `${payload.length} bytes where ${length} were stored`;
  if (sha256(payload) !== digest) return 'its bytes do not match their digest';
  return undefined;
}

/** Encodes an entry: header line, then the payload. */
export function encodeEntry(key: string, payload: Uint8Array): Uint8Array {
  if (/\s/.test(key)) throw new Error(`A cache key has no spaces: "${key}"`);
  const header = Buffer.from(`${MAGIC} ${key} ${sha256(payload)} ${payload.length}\n`);
  return Buffer.concat([header, payload]);
}

/** What a cache reports when it throws an entry away; one line each. */
export type DamageReport = (line: string) => void;

export const warnDamage: DamageReport = (line) => console.warn(line);

/**
 * The payload stored under `key` in `file`, or undefined when there is none. A damaged entry is
 * deleted and reported (one line naming the file and what was wrong), then treated as missing.
 */
export async function readEntry(
  file: string,
  key: string,
  report: DamageReport = warnDamage,
): Promise<Uint8Array | undefined> {
  let stored: Uint8Array;
  try {
    stored = await readFile(file);
  } catch {
    return undefined;
  }
  const problem = entryProblem(stored, key);
  if (problem === undefined) return stored.subarray(stored.indexOf(0x0a) + 1);
  report(`Cache entry ${file} failed verification (${problem}); it is discarded and made again.`);
  await rm(file, { force: true });
  return undefined;
}

/** Stores `payload` under `key` in `file`, atomically. */
export async function writeEntry(file: string, key: string, payload: Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, encodeEntry(key, payload));
  await rename(temporary, file);
}
