/**
 * The provider's brand in the built site: the logo file, published under a name that carries
 * its hash (so a new logo is never served from a browser's cache, and every page that shows it
 * renders again), and the brand colours as CSS, bundled into the site's one stylesheet through
 * a virtual module (no inline style: the CSP allows none).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import type { SiteSettings } from '../collections/schemas/site.ts';
import { resolveContentDir } from '../collections/validation/load-content.ts';
import { brandColors, brandCss } from '../domain/brand/palette.ts';
import { ogLogo, type OgLogo } from './social-images/og-image.ts';
import { headerLogoBox, logoSize, type LogoSize } from '../domain/brand/logo.ts';

export interface BrandLogo {
  /** The file name under /brand/, such as `logo-3f2a9c1e.svg`. */
  fileName: string;
  src: string;
  type: 'image/svg+xml' | 'image/png';
  bytes: Uint8Array;
  /** Its box in the header. */
  box: LogoSize;
}

/** The logo of `site`, read from the content folder; undefined without a brand. */
export function brandLogo(
  site: Pick<SiteSettings, 'brand'>,
  contentDir = resolveContentDir(),
): BrandLogo | undefined {
  if (!site.brand) return undefined;
  const extension = path.extname(site.brand.logo).toLowerCase() === '.png' ? '.png' : '.svg';
  const bytes = readFileSync(path.join(contentDir, site.brand.logo));
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
  const fileName = `logo-${hash}${extension}`;
  return {
    fileName,
    src: `/brand/${fileName}`,
    type: extension === '.png' ? 'image/png' : 'image/svg+xml',
    bytes,
    box: headerLogoBox(logoSize(bytes, extension)),
  };
}

/** The logo of `site` as its social cards draw it; undefined without a brand. */
export function brandOgLogo(
  site: Pick<SiteSettings, 'brand'>,
  contentDir = resolveContentDir(),
): OgLogo | undefined {
  const logo = brandLogo(site, contentDir);
  return logo && ogLogo(logo.bytes, logo.type);
}

const BRAND_CSS = 'virtual:ce-brand.css';

/** A Vite plugin serving the brand colours as `virtual:ce-brand.css` (empty without a brand). */
export function brandCssPlugin(site: Pick<SiteSettings, 'brand'>): Plugin {
  const css = brandCss(site.brand ? brandColors(site.brand) : undefined);
  return {
    name: 'ce-brand-css',
    resolveId: (id) => (id === BRAND_CSS ? BRAND_CSS : undefined),
    load: (id) => (id === BRAND_CSS ? css : undefined),
  };
}
