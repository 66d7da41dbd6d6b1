/**
 * The site's security policy, in one place: the Content-Security-Policy and the other response
 * headers, and the Astro settings that make a strict policy possible.
 *
 * The policy is delivered twice. `public/_headers` (read by Netlify and Cloudflare Pages, and
 * by `npm run serve`) sends every header; a unit test keeps it equal to HEADER_RULES below.
 * Astro's own CSP support (`security.csp`) also writes the policy into each page as
 * `<meta http-equiv="content-security-policy">`, so a host that sends no headers (GitHub Pages,
 * a bare bucket) still gets it; a meta policy cannot carry `frame-ancestors`, which is why the
 * header is the primary copy. docs/security.md shows the same headers for other servers.
 *
 * The policy allows no inline script or style at all, so one static header fits every page:
 * Astro writes every processed script and stylesheet to a file (`inlineStylesheets: 'never'`,
 * `assetsInlineLimit: 0`), all CSS goes into one stylesheet (`cssCodeSplit: false`, so a page
 * waits for one request only), Shiki (inline `style` attributes) is off, and JSON-LD blocks
 * are data, which CSP does not govern. Pagefind needs `'wasm-unsafe-eval'` to compile its
 * WebAssembly, in the page and in its same-origin worker.
 */
import { satteri } from '@astrojs/markdown-satteri';
import type { AstroIntegration, AstroUserConfig } from 'astro';
import { contentHtmlPlugin } from '../collections/validation/html-policy.ts';

/** Every directive of the policy; an empty source list is not allowed. */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  // Pagefind's stylesheet draws its icons as data: SVGs.
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'media-src': ["'none'"],
  'frame-src': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** Directives a `<meta>` policy cannot carry; browsers ignore them there and log an error. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'report-to', 'sandbox']);
/** Directives Astro writes itself, adding the hashes of what it inlines. */
const ASTRO_MANAGED = new Set(['script-src', 'style-src']);

/**
 * The content manager under /admin/ (Decap CMS, src/pages/admin/) is a separate application
 * with its own needs: inline styles (emotion), `new Function` (its schema validator, ajv), blob:
 * previews of uploads, and decap-server on 127.0.0.1 while editing locally. Its pages carry
 * nothing from content, and it still loads scripts only from the site itself.
 */
export const ADMIN_CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'unsafe-eval'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'", 'http://127.0.0.1:*'],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

export function cspHeaderValue(
  directives: Readonly<Record<string, readonly string[]>> = CSP_DIRECTIVES,
): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** The response headers every page and file gets. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': cspHeaderValue(),
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy':
    'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // Older browsers that predate frame-ancestors.
  'X-Frame-Options': 'DENY',
};

/**
 * The rules of public/_headers, in order; where several match a path, a later rule's value of a
 * header replaces an earlier one (Netlify and `npm run serve`; see docs/security.md for
 * Cloudflare Pages, which sends both).
 */
export const HEADER_RULES: readonly {
  pattern: string;
  headers: Readonly<Record<string, string>>;
}[] = [
  { pattern: '/*', headers: SECURITY_HEADERS },
  // File names under /_astro/ carry a content hash, so they never change.
  { pattern: '/_astro/*', headers: { 'Cache-Control': 'public, max-age=31536000, immutable' } },
  {
    pattern: '/admin/*',
    headers: { 'Content-Security-Policy': cspHeaderValue(ADMIN_CSP_DIRECTIVES) },
  },
];

type AstroCsp = Exclude<NonNullable<AstroUserConfig['security']>['csp'], boolean | undefined>;
type AstroCspDirective = NonNullable<AstroCsp['directives']>[number];

/** Astro's `security.csp` setting: the same policy, minus what a meta element cannot hold. */
export function astroCsp() {
  const directives = Object.entries(CSP_DIRECTIVES)
    .filter(([name]) => !HEADER_ONLY.has(name) && !ASTRO_MANAGED.has(name))
    // Astro types a directive as a template literal of its known names; these are among them.
    .map(([name, sources]) => `${name} ${sources.join(' ')}` as AstroCspDirective);
  return {
    // Set explicitly: a value given through updateConfig skips Astro's schema defaults.
    algorithm: 'SHA-256' as const,
    directives,
    scriptDirective: { resources: [...(CSP_DIRECTIVES['script-src'] ?? [])] },
    styleDirective: { resources: [...(CSP_DIRECTIVES['style-src'] ?? [])] },
  } satisfies AstroCsp;
}

/**
 * The integration that applies all of the above: the meta policy, no inline scripts or
 * stylesheets, no Shiki, and the content HTML policy in the Markdown renderer (raw HTML parsed
 * into elements so the policy sees it; external links get rel="noopener noreferrer").
 */
export function security(): AstroIntegration {
  return {
    name: 'ce-site:security',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        updateConfig({
          security: { csp: astroCsp() },
          build: { inlineStylesheets: 'never' },
          vite: { build: { assetsInlineLimit: 0, cssCodeSplit: false } },
          markdown: {
            syntaxHighlight: false,
            processor: satteri({
              features: { rawHtml: true },
              hastPlugins: [contentHtmlPlugin(config.site)],
            }),
          },
        });
      },
    },
  };
}
