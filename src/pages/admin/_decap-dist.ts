/**
 * The files of the `decap-cms` npm package that the admin page loads: the bundle itself
 * (`decap-cms.js`, React included), the chunks it loads on demand from the same folder, and
 * the WebAssembly its image optimiser fetches. They are served from node_modules by the
 * endpoints beside this file, never copied into public/ or committed.
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

export const DECAP_BUNDLE = 'decap-cms.js';

/** node_modules/decap-cms/dist, wherever npm put it. */
export function decapDistDir(): string {
  return path.dirname(createRequire(import.meta.url).resolve('decap-cms'));
}

/** The lazily loaded chunks (`103.decap-cms.js`) and WebAssembly files, by name. */
export function decapChunks(): string[] {
  return readdirSync(decapDistDir())
    .filter((name) => /^\d+\.decap-cms\.js$/.test(name) || /^[0-9a-f]+\.wasm$/.test(name))
    .sort();
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
};

export async function decapFileResponse(name: string): Promise<Response> {
  if (name !== DECAP_BUNDLE && !decapChunks().includes(name))
    return new Response('Not found', { status: 404 });
  const body = await readFile(path.join(decapDistDir(), name));
  return new Response(body, {
    headers: { 'Content-Type': TYPES[path.extname(name)] ?? 'application/octet-stream' },
  });
}
