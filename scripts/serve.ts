/**
 * `npm run serve [dir] [port]`: serves a built site on 127.0.0.1 the way a static host does,
 * including the headers in its `_headers` file (Netlify / Cloudflare Pages format) and the
 * 404 page, so tests see the Content-Security-Policy a deploy would send.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import path from 'node:path';
import { pathInsideRoot } from './site-path.ts';
import { headersFor, parseHeadersFile, type HeaderRule } from '../src/build/static-headers.ts';

const root = path.resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? process.env['PORT'] ?? 4321);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

async function loadRules(): Promise<HeaderRule[]> {
  try {
    return parseHeadersFile(await readFile(path.join(root, '_headers'), 'utf8'));
  } catch {
    return [];
  }
}

async function resolveFile(urlPath: string): Promise<string | undefined> {
  const candidate = pathInsideRoot(root, urlPath);
  if (candidate === undefined) return undefined;
  for (const file of [candidate, path.join(candidate, 'index.html')]) {
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile()) return file;
  }
  return undefined;
}

const rules = await loadRules();
const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  // Directory URLs without a trailing slash redirect, as static hosts do.
  if (
    !path.extname(url.pathname) &&
    !url.pathname.endsWith('/') &&
    (await resolveFile(`${url.pathname}/`))
  ) {
    response.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
    return;
  }
  const file = await resolveFile(url.pathname);
  const status = file ? 200 : 404;
  const served = file ?? path.join(root, '404.html');
  const headers: Record<string, string> = {
    'Content-Type': TYPES[path.extname(served)] ?? 'application/octet-stream',
    ...headersFor(rules, url.pathname),
  };
  // Compress text as static hosts do, so Lighthouse and the byte counts see real transfer sizes.
  const accepts = String(request.headers['accept-encoding'] ?? '');
  const compressible = /^(text\/|application\/(json|xml|javascript))|image\/svg/.test(
    headers['Content-Type'] ?? '',
  );
  const encoder = !compressible
    ? undefined
    : /\bbr\b/.test(accepts)
      ? 'br'
      : /\bgzip\b/.test(accepts)
        ? 'gzip'
        : undefined;
  if (encoder) {
    headers['Content-Encoding'] = encoder;
    headers['Vary'] = 'Accept-Encoding';
  }
  response.writeHead(status, headers);
  const stream = createReadStream(served).on('error', () => response.end());
  if (encoder === 'br')
    stream
      .pipe(createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }))
      .pipe(response);
  else if (encoder === 'gzip') stream.pipe(createGzip()).pipe(response);
  else stream.pipe(response);
});
server.listen(port, '127.0.0.1', () => {
  // Port 0 asks the system for a free port; print the one it gave.
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  console.log(`Serving ${root} on http://127.0.0.1:${actualPort}/`);
});
