/**
 * `npm run serve` answers only with files of the site it serves, and holds up against hostile
 * requests: none crashes it, none reads outside the folder (symlinks included), none gets a
 * redirect to another host, and every answer carries the security headers of `_headers`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/fixtures.ts';

const SITE_CSP = "default-src 'self'";
const ADMIN_CSP = "default-src 'self'; script-src 'self' 'unsafe-eval'";
// `/broken/*` has a header value Node refuses to send (a control character), so any response
// under it throws inside the handler: the way to see the 500 path without a real fault.
const HEADERS_FILE = `/*
  Content-Security-Policy: ${SITE_CSP}
  X-Content-Type-Options: nosniff
  X-Frame-Options: DENY

/admin/*
  Content-Security-Policy: ${ADMIN_CSP}

/broken/*
  X-Broken: a\u0001b
`;

let server: ChildProcess;
let base: string;
let port: number;
let siteDir: string;

beforeAll(async () => {
  const folder = await mkdtemp(path.join(tmpdir(), 'ce-serve-'));
  const site = path.join(folder, 'site');
  siteDir = site;
  for (const dir of ['courses', 'admin', 'あ', '\\evil'])
    await mkdir(path.join(site, dir), { recursive: true });
  await mkdir(path.join(folder, 'site-cache'));
  await mkdir(path.join(folder, 'outside'));
  await writeFile(path.join(site, 'index.html'), '<!doctype html><title>Home</title>');
  await writeFile(path.join(site, '404.html'), '<!doctype html><title>Not found</title>');
  await writeFile(path.join(site, '_headers'), HEADERS_FILE);
  for (const dir of ['courses', 'admin', 'あ', '\\evil'])
    await writeFile(path.join(site, dir, 'index.html'), `<!doctype html><title>${dir}</title>`);
  await writeFile(path.join(folder, 'site-cache', 'secret.txt'), 'secret');
  await writeFile(path.join(folder, 'outside', 'index.html'), 'secret');
  // Symlinks out of the site, to a file and to a folder, and one that stays inside it.
  await symlink('../site-cache/secret.txt', path.join(site, 'leak.txt'));
  await symlink('../outside', path.join(site, 'leak-dir'));
  await symlink('index.html', path.join(site, 'alias.html'));
  server = spawn(process.execPath, [path.join(repoRoot, 'scripts/serve.ts'), site, '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The server logs the 500s the tests provoke; keep them out of the test output.
  server.stderr!.resume();
  base = await new Promise<string>((resolve) => {
    server.stdout!.on('data', (chunk: Buffer) => {
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(chunk.toString());
      if (match) resolve(match[0]);
    });
  });
  port = Number(new URL(base).port);
});

afterAll(() => void server.kill());

interface RawResponse {
  status: number;
  headers: Map<string, string>;
  body: string;
}

/** Undoes `Transfer-Encoding: chunked`. */
function unchunk(body: string): string {
  let out = '';
  let rest = body;
  for (;;) {
    const lineEnd = rest.indexOf('\r\n');
    const size = parseInt(rest.slice(0, lineEnd), 16);
    if (!(size > 0)) return out;
    out += rest.slice(lineEnd + 2, lineEnd + 2 + size);
    rest = rest.slice(lineEnd + 2 + size + 2);
  }
}

/**
 * Sends a request over a bare socket, the request target byte for byte (fetch would normalise
 * `//`, `..` and `\`), and reads the whole answer. Throws unless it starts with a status line.
 */
function rawRequest(
  target: string,
  { method = 'GET', extraHeaders = '' } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const finish = (): void => {
      const text = Buffer.concat(chunks).toString('utf8');
      const match = /^HTTP\/1\.1 (\d{3}) [^\r\n]*\r\n/.exec(text);
      if (!match) {
        reject(new Error(`no status line for ${JSON.stringify(target)}: ${text.slice(0, 80)}`));
        return;
      }
      const headEnd = text.indexOf('\r\n\r\n');
      const headers = new Map<string, string>();
      for (const line of text.slice(match[0].length, headEnd).split('\r\n')) {
        const colon = line.indexOf(':');
        headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
      }
      const rawBody = text.slice(headEnd + 4);
      const body = headers.get('transfer-encoding') === 'chunked' ? unchunk(rawBody) : rawBody;
      resolve({ status: Number(match[1]), headers, body });
    };
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', finish);
    // A server that refuses an oversized request may reset the connection after answering.
    socket.on('error', (error) => (chunks.length ? finish() : reject(error)));
    socket.setTimeout(5_000, () => socket.destroy(new Error(`timeout for ${target}`)));
    socket.write(
      `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${extraHeaders}Connection: close\r\n\r\n`,
    );
  });
}

function expectSecurityHeaders(response: RawResponse, csp = SITE_CSP): void {
  expect(response.headers.get('content-security-policy')).toBe(csp);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
}

describe('npm run serve', () => {
  it('serves the site', async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Home</title>');
  });

  it.each([
    '/..%2Fsite-cache/secret.txt',
    '/..%2fsite-cache%2fsecret.txt',
    '/%2e%2e%2Fsite-cache/secret.txt',
    '/%E0%A4%A',
  ])('answers %s with the 404 page, never a file outside the site', async (urlPath) => {
    const response = await fetch(`${base}${urlPath}`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('<title>Not found</title>');
  });
});

describe('npm run serve against hostile requests', () => {
  it('answers `//[/` (which once threw in new URL and stopped the server) and stays up', async () => {
    const response = await rawRequest('//[/');
    expect(response.status).toBe(404);
    expect(response.body).toContain('<title>Not found</title>');
    expect((await rawRequest('/')).status).toBe(200);
  });

  it.each(['*', 'http://evil.example/', 'courses/', '/caf\u00e9', '/a\u0001b'])(
    'answers the request target %j, not a path of printable ASCII, with 400',
    async (target) => {
      const response = await rawRequest(target);
      expect(response.status).toBe(400);
      expectSecurityHeaders(response);
    },
  );

  it('answers requests the HTTP parser refuses with 400 or 431, with the headers', async () => {
    const garbage = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
      socket.write('NOT HTTP AT ALL\r\n\r\n');
    });
    expect(garbage).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(garbage).toContain(`Content-Security-Policy: ${SITE_CSP}\r\n`);
    const oversized = await rawRequest('/', { extraHeaders: `X-Big: ${'a'.repeat(20_000)}\r\n` });
    expect(oversized.status).toBe(431);
    expectSecurityHeaders(oversized);
    expect((await rawRequest('/')).status).toBe(200);
  });

  it('answers a thrown error with 500 and the site-wide headers, and stays up', async () => {
    const response = await rawRequest('/broken/page/');
    expect(response.status).toBe(500);
    expectSecurityHeaders(response);
    expect(response.headers.has('x-broken')).toBe(false);
    expect((await rawRequest('/')).status).toBe(200);
  });

  it.each(['/leak.txt', '/leak-dir/', '/leak-dir/index.html', '/leak-dir'])(
    'answers %s, a symlink to outside the site, with 404 and never its content',
    async (target) => {
      const response = await rawRequest(target);
      expect(response.status).toBe(404);
      expect(response.headers.has('location')).toBe(false);
      expect(response.body).toContain('<title>Not found</title>');
      expect(response.body).not.toContain('secret');
    },
  );

  it('serves a symlink that stays inside the site', async () => {
    const response = await rawRequest('/alias.html');
    expect(response.status).toBe(200);
    expect(response.body).toContain('<title>Home</title>');
  });

  it.each([
    ['/courses', '/courses/'],
    ['/courses?page=2&q=a', '/courses/?page=2&q=a'],
    ['/courses?a=\\b', '/courses/?a=%5Cb'],
    ['/.//evil.example/%2e%2e%2fcourses', '/courses/'],
    ['//courses', '/courses/'],
    ['/%2fcourses', '/courses/'],
    ['/%2F%2Fcourses', '/courses/'],
    ['/x/../courses', '/courses/'],
    ['/%E3%81%82', '/%E3%81%82/'],
  ])('redirects the folder %s to Location %s, on this host', async (target, location) => {
    const response = await rawRequest(target);
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(location);
    expectSecurityHeaders(response);
  });

  // The folder `\evil` exists, but a Location holding a backslash, which browsers read as `/`,
  // could lead off-site, so there is no redirect.
  it.each(['/%5Cevil', '/\\evil', '/.//%5Cevil?x=1'])(
    'answers %s, a folder whose name holds a backslash, with 404 and no Location',
    async (target) => {
      const response = await rawRequest(target);
      expect(response.status).toBe(404);
      expect(response.headers.has('location')).toBe(false);
      expectSecurityHeaders(response);
    },
  );

  it('matches header rules on the decoded, normalised path', async () => {
    expectSecurityHeaders(await rawRequest('/admin/'), ADMIN_CSP);
    const sneaky = await rawRequest('/admin/..%2fcourses/');
    expect(sneaky.status).toBe(200);
    expect(sneaky.body).toContain('<title>courses</title>');
    expectSecurityHeaders(sneaky);
  });

  it.each([
    ['GET', '/', 200],
    ['GET', '/courses', 301],
    ['GET', '/missing', 404],
    ['GET', '*', 400],
    ['POST', '/', 405],
  ] as const)('sends the security headers with %s %s (%i)', async (method, target, status) => {
    const response = await rawRequest(target, { method });
    expect(response.status).toBe(status);
    expectSecurityHeaders(response);
  });

  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'])(
    'answers %s with 405 and Allow: GET, HEAD',
    async (method) => {
      const response = await rawRequest('/', { method });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD');
      expectSecurityHeaders(response);
    },
  );

  it('survives clients that hang up before or while it answers, large files included', async () => {
    // The browser tests once stopped the server: a client left while a file was being piped,
    // and the file handle left open was closed by the garbage collector, which Node now fatal.
    const large = 'x'.repeat(2_000_000);
    await writeFile(path.join(siteDir, 'large.txt'), large);
    for (let round = 0; round < 40; round += 1) {
      await new Promise<void>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write(
            `GET /${round % 2 ? 'large.txt' : ''} HTTP/1.1\r\nHost: x\r\nAccept-Encoding: ${round % 3 ? 'gzip' : 'br'}\r\n\r\n`,
          );
          // Half hang up at once, half after the first bytes of the answer.
          if (round % 4 < 2) socket.destroy();
          else socket.once('data', () => socket.destroy());
        });
        socket.on('close', () => resolve());
        socket.on('error', () => undefined);
      });
    }
    expect(server.exitCode).toBeNull();
    const response = await fetch(`${base}/large.txt`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(large);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const page = await rawRequest('/', { method: 'HEAD' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expectSecurityHeaders(page);
    expect(page.body).toBe('');
    const missing = await rawRequest('/missing', { method: 'HEAD' });
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing);
    expect(missing.body).toBe('');
  });

  it('survives 300 hostile request targets without crashing, leaving the site or redirecting away', async () => {
    const piece = fc.constantFrom(
      '/',
      '//',
      '..',
      '.',
      '%2e',
      '%2E%2e',
      '%2f',
      '%2F',
      '%5c',
      '%5C',
      '\\',
      '[',
      ']',
      '%00',
      '%',
      '%25',
      '%0d%0a',
      '?',
      '#',
      '@',
      ':',
      'é',
      '😀',
      '\u202e',
      'courses',
      'leak-dir',
      'leak.txt',
      'site-cache',
      'secret.txt',
      'evil.example',
    );
    const start = fc.constantFrom('/', '/', '/', '//', '/\\', '', 'http://evil.example');
    const target = fc.oneof(
      { weight: 19, arbitrary: fc.tuple(start, fc.array(piece, { maxLength: 24 })) },
      // Paths over 8 KB, still under the 16 KB header limit so they reach the handler.
      {
        weight: 1,
        arbitrary: fc
          .tuple(start, fc.array(piece, { maxLength: 8 }), fc.integer({ min: 8_500, max: 14_000 }))
          .map(([first, pieces, length]) => [first, [...pieces, 'a/'.repeat(length / 2)]] as const),
      },
    );
    await fc.assert(
      fc.asyncProperty(target, async ([first, pieces]) => {
        const response = await rawRequest(first + pieces.join(''));
        expect(response.status).toBeGreaterThanOrEqual(200);
        expect(response.status).toBeLessThan(600);
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.body).not.toContain('secret');
        const location = response.headers.get('location');
        if (response.status >= 300 && response.status < 400) {
          expect(location).toMatch(/^\/(?![/\\])/);
          expect(location).not.toContain('\\');
          expect(new URL(location!, base).origin).toBe(base);
        } else expect(location).toBeUndefined();
      }),
      { numRuns: 300 },
    );
    const home = await rawRequest('/');
    expect(home.status).toBe(200);
    expect(home.body).toContain('<title>Home</title>');
  }, 20_000);
});
