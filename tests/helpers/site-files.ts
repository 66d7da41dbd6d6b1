/** Walks a built site. */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Every HTML page of a built site, as site paths such as `courses/x/index.html`. */
export function htmlPages(outDir: string): string[] {
  return readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind'))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

/** `courses/x/index.html` → `/courses/x/`; `404.html` → `/404.html`. */
export function urlPathOf(file: string): string {
  return file.endsWith('index.html') ? `/${file.slice(0, -'index.html'.length)}` : `/${file}`;
}

/** Every file of a folder (a built site, search index included) with the hash of its bytes. */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(
      path.relative(dir, file),
      createHash('sha256')
        .update(await readFile(file))
        .digest('hex'),
    );
  }
  return files;
}
