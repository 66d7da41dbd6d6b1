/**
 * `npm run serve [dir] [port]`: serves a built site on 127.0.0.1 the way a static host does,
 * including the headers in its `_headers` file (Netlify / Cloudflare Pages format) and the
 * 404 page, so tests see the Content-Security-Policy a deploy would send.
 *
 * It must hold up against hostile requests: no request crashes it, it never reads outside its
 * folder (symlinks included), never redirects to another host, and every answer, errors
 * included, carries the security headers.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip as gzipCallback } from 'node:zlib';
import path from 'node:path';
import {
  normalisedSitePath,
  parseRequestTarget,
  pathInsideRoot,
  realPathInsideRoot,
  trailingSlashLocation,
} from './site-path.ts';
import { headersFor, parseHeadersFile, type HeaderRule } from '../src/build/static-headers.ts';

const brotli = promisify(brotliCompress);
const gzip = promisify(gzipCallback);

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

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
};

async function loadRules(): Promise<HeaderRule[]> {
  try {
    return parseHeadersFile(await readFile(path.join(root, '_headers'), 'utf8'));
  } catch {
    return [];
  }
}

// Containment is checked against the folder's real path, so a site reached through a symlink
// (say a `dist` link to the latest build) still serves its own files.
const realRoot = await realpath(root).catch(() => {
  console.error(`serve: no folder ${root}; build the site first (npm run build).`);
  process.exit(1);
});
const rules = await loadRules();
const globalRules = rules.filter((rule) => rule.pattern === '/*');

/** The `_headers` headers for a site path; only the site-wide `/*` ones when it has none. */
function securityHeaders(sitePath: string | undefined): Record<string, string> {
  return sitePath === undefined ? headersFor(globalRules, '/') : headersFor(rules, sitePath);
}

interface SiteFile {
  /** Where the bytes are read: the real path, checked to lie inside the site. */
  real: string;
  /** The path the URL names, whose extension gives the Content-Type, as a static host does. */
  named: string;
}

async function resolveFile(urlPath: string): Promise<SiteFile | undefined> {
  const candidate = pathInsideRoot(realRoot, urlPath);
  if (candidate === undefined) return undefined;
  for (const named of [candidate, path.join(candidate, 'index.html')]) {
    const real = await realPathInsideRoot(realRoot, named);
    if (real === undefined) continue;
    const info = await stat(real).catch(() => undefined);
    if (info?.isFile()) return { real, named };
  }
  return undefined;
}

function sendText(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
): void {
  const body = `${status} ${STATUS_TEXT[status] ?? ''}\n`;
  response.writeHead(status, {
    ...headers,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

async function sendFile(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  file: SiteFile,
  securityHeaders: Record<string, string>,
): Promise<void> {
  const headers: Record<string, string> = {
    'Content-Type': TYPES[path.extname(file.named)] ?? 'application/octet-stream',
    ...securityHeaders,
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
  // Read whole before the status line goes out (a built site's files are small): a file that
  // vanished since stat() still gets a clean 500, and no file handle or stream is left open
  // when a client hangs up mid-answer (Node ends the process for a handle closed by the GC).
  const bytes = await readFile(file.real);
  const body =
    encoder === 'br'
      ? await brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } })
      : encoder === 'gzip'
        ? await gzip(bytes)
        : bytes;
  headers['Content-Length'] = String(body.length);
  if (response.destroyed) return;
  response.writeHead(status, headers);
  response.end(request.method === 'HEAD' ? undefined : body);
}

async function sendNotFound(
  request: IncomingMessage,
  response: ServerResponse,
  headers: Record<string, string>,
): Promise<void> {
  const notFound = await resolveFile('/404.html');
  if (notFound) return sendFile(request, response, 404, notFound, headers);
  sendText(request, response, 404, headers);
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const target = parseRequestTarget(request.url ?? '');
  const sitePath = target && normalisedSitePath(target.path);
  const headers = securityHeaders(sitePath);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendText(request, response, 405, { ...headers, Allow: 'GET, HEAD' });
    return;
  }
  if (target === undefined) {
    sendText(request, response, 400, headers);
    return;
  }
  // Directory URLs without a trailing slash redirect, as static hosts do.
  if (
    !path.extname(target.path) &&
    !target.path.endsWith('/') &&
    (await resolveFile(`${target.path}/`))
  ) {
    const location = trailingSlashLocation(target);
    if (location !== undefined) {
      response.writeHead(301, { ...headers, Location: location }).end();
      return;
    }
    // No safe redirect (the name holds a backslash): a 404 rather than the folder's page at a
    // URL its relative links would resolve wrongly against.
    return sendNotFound(request, response, headers);
  }
  const file = await resolveFile(target.path);
  if (file) return sendFile(request, response, 200, file, headers);
  return sendNotFound(request, response, headers);
}

const server = createServer((request, response) => {
  // Without listeners, an 'error' on either stream (a write after the client left, say) would be
  // thrown as an uncaught exception and stop the server.
  request.on('error', () => undefined);
  response.on('error', () => undefined);
  handle(request, response).catch((error: unknown) => {
    console.error(`serve: ${request.method} ${request.url}:`, error);
    try {
      if (response.headersSent) response.destroy();
      else sendText(request, response, 500, securityHeaders(undefined));
    } catch {
      response.destroy();
    }
  });
});

// Requests Node's parser refuses (bad request line, headers over the size limit) never reach
// the handler; answer them here, with the site-wide headers, instead of Node's bare reply.
server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
  // Node's own rule: reply only while no response on this connection has started; otherwise the
  // reply's bytes would be mixed into that response.
  const inFlight = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const status =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? 431
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 408
        : 400;
  const body = `${status} ${STATUS_TEXT[status]}\n`;
  const lines = Object.entries(securityHeaders(undefined)).map(
    ([name, value]) => `${name}: ${value}`,
  );
  socket.end(
    [
      `HTTP/1.1 ${status} ${STATUS_TEXT[status]}`,
      'Content-Type: text/plain; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Connection: close',
      ...lines,
      '',
      body,
    ].join('\r\n'),
  );
});

server.listen(port, '127.0.0.1', () => {
  // Port 0 asks the system for a free port; print the one it gave.
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  console.log(`Serving ${root} on http://127.0.0.1:${actualPort}/`);
});
