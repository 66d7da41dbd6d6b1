/** Walks a built site. */
import { readdirSync } from 'node:fs';
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
