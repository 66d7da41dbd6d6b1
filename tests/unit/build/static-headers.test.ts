import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ADMIN_CSP_DIRECTIVES,
  astroCsp,
  CSP_DIRECTIVES,
  cspHeaderValue,
  HEADER_RULES,
  SECURITY_HEADERS,
} from '../../../src/build/security.ts';
import { headersFor, parseHeadersFile, patternMatches } from '../../../src/build/static-headers.ts';
import { repoRoot } from '../../helpers/fixtures.ts';

const headersFile = readFileSync(path.join(repoRoot, 'public/_headers'), 'utf8');

/** `script-src 'self' x` → { 'script-src': ["'self'", 'x'] } */
function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return directives;
}

describe('public/_headers', () => {
  it('says exactly what src/build/security.ts says', () => {
    expect(parseHeadersFile(headersFile)).toEqual(
      HEADER_RULES.map(({ pattern, headers }) => ({ pattern, headers: { ...headers } })),
    );
  });

  it('sends the security headers with every path', () => {
    const rules = parseHeadersFile(headersFile);
    for (const urlPath of [
      '/',
      '/courses/x/',
      '/404.html',
      '/pagefind/pagefind.js',
      '/pagefind/pagefind-worker.js',
      '/_astro/a.js',
      '/feed.xml',
    ]) {
      expect(headersFor(rules, urlPath)).toMatchObject(SECURITY_HEADERS);
    }
  });

  it('gives the content manager under /admin/ its own, looser policy and every other header', () => {
    const rules = parseHeadersFile(headersFile);
    const admin = headersFor(rules, '/admin/');
    expect(admin['Content-Security-Policy']).toBe(cspHeaderValue(ADMIN_CSP_DIRECTIVES));
    const { 'Content-Security-Policy': _sitePolicy, ...others } = SECURITY_HEADERS;
    expect(admin).toMatchObject(others);
    expect(headersFor(rules, '/administration/')['Content-Security-Policy']).toBe(
      SECURITY_HEADERS['Content-Security-Policy'],
    );
  });

  it('caches only the hashed files under /_astro/ for good', () => {
    const rules = parseHeadersFile(headersFile);
    expect(headersFor(rules, '/_astro/style.abc123.css')['Cache-Control']).toMatch(/immutable/);
    expect(headersFor(rules, '/')['Cache-Control']).toBeUndefined();
    expect(headersFor(rules, '/pagefind/pagefind.js')['Cache-Control']).toBeUndefined();
  });
});

describe('docs/security.md', () => {
  it('shows the same headers, for hosts that do not read _headers', () => {
    const docs = readFileSync(path.join(repoRoot, 'docs/security.md'), 'utf8');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(docs, name).toContain(`${name}: ${value}`);
      expect(docs, `${name} for nginx`).toContain(`add_header ${name} "${value}" always;`);
    }
  });
});

describe('the Content-Security-Policy', () => {
  const policy = parsePolicy(SECURITY_HEADERS['Content-Security-Policy'] ?? '');

  it('is the strict policy the issue asks for', () => {
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
  });

  it('allows scripts only from the site, with WebAssembly for Pagefind and no inline code or eval', () => {
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    for (const [name, sources] of policy) {
      for (const forbidden of [
        "'unsafe-inline'",
        "'unsafe-eval'",
        "'unsafe-hashes'",
        '*',
        'http:',
        'https:',
      ]) {
        expect(sources, `${name} allows ${forbidden}`).not.toContain(forbidden);
      }
      if (name !== 'img-src') expect(sources, `${name} allows data:`).not.toContain('data:');
    }
  });

  it('gives every directive at least one source', () => {
    for (const [name, sources] of Object.entries(CSP_DIRECTIVES))
      expect(sources.length, name).toBeGreaterThan(0);
    expect(cspHeaderValue()).not.toMatch(/;\s*;|\s$/);
  });

  it('is repeated for Astro’s meta element, without what a meta policy cannot carry', () => {
    const csp = astroCsp();
    const names = csp.directives.map((directive) => directive.split(' ')[0]);
    expect(names).not.toContain('frame-ancestors');
    expect(names).not.toContain('script-src');
    expect(names).not.toContain('style-src');
    expect(new Set([...names, 'script-src', 'style-src', 'frame-ancestors'])).toEqual(
      new Set(Object.keys(CSP_DIRECTIVES)),
    );
    expect(csp.scriptDirective.resources).toEqual(CSP_DIRECTIVES['script-src']);
    expect(csp.styleDirective.resources).toEqual(CSP_DIRECTIVES['style-src']);
    for (const directive of csp.directives)
      expect(SECURITY_HEADERS['Content-Security-Policy']).toContain(directive);
  });
});

describe('the content manager’s policy', () => {
  const policy = parsePolicy(cspHeaderValue(ADMIN_CSP_DIRECTIVES));

  it('still loads code only from the site, and keeps out plugins, framing and foreign bases', () => {
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'", "'unsafe-eval'"]);
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('connect-src')).toEqual(["'self'", 'http://127.0.0.1:*']);
  });
});

describe('the other security headers', () => {
  it('forces HTTPS for at least a year and stops MIME sniffing and framing', () => {
    const maxAge = Number(
      /max-age=(\d+)/.exec(SECURITY_HEADERS['Strict-Transport-Security'] ?? '')?.[1],
    );
    expect(maxAge).toBeGreaterThanOrEqual(31_536_000);
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(SECURITY_HEADERS['X-Frame-Options']).toBe('DENY');
    expect(SECURITY_HEADERS['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
  });

  it('turns off the powerful browser features the site never uses', () => {
    const features = Object.fromEntries(
      (SECURITY_HEADERS['Permissions-Policy'] ?? '').split(/,\s*/).map((item) => item.split('=')),
    );
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment'])
      expect(features[feature]).toBe('()');
  });
});

describe('parseHeadersFile and headersFor', () => {
  it('reads comments, blank lines, rules and their headers', () => {
    const rules = parseHeadersFile(
      '# note\n\n/*\n  X-One: 1\n/a/*\n  X-Two: 2\n  X-One: override\n',
    );
    expect(rules).toEqual([
      { pattern: '/*', headers: { 'X-One': '1' } },
      { pattern: '/a/*', headers: { 'X-Two': '2', 'X-One': 'override' } },
    ]);
    expect(headersFor(rules, '/a/b')).toEqual({ 'X-One': 'override', 'X-Two': '2' });
    expect(headersFor(rules, '/b')).toEqual({ 'X-One': '1' });
  });

  it('keeps colons in header values', () => {
    expect(
      parseHeadersFile('/*\n  Link: <https://example.org/>; rel=preconnect\n')[0]?.headers,
    ).toEqual({ Link: '<https://example.org/>; rel=preconnect' });
  });

  it('rejects a header line outside a rule, or one without a colon', () => {
    expect(() => parseHeadersFile('  X-One: 1\n')).toThrow(/cannot read the line/);
    expect(() => parseHeadersFile('/*\n  no colon here\n')).toThrow(/cannot read the line/);
  });

  it('matches exact paths and prefixes', () => {
    expect(patternMatches('/*', '/anything')).toBe(true);
    expect(patternMatches('/_astro/*', '/_astro/x.js')).toBe(true);
    expect(patternMatches('/_astro/*', '/courses/')).toBe(false);
    expect(patternMatches('/feed.xml', '/feed.xml')).toBe(true);
    expect(patternMatches('/feed.xml', '/feed.xml/')).toBe(false);
  });
});
