/**
 * The provider's brand in the built site: the logo file, published under a name that carries
 * its hash (so a new logo is never served from a browser's cache, and every page that shows it
 * renders again), and the brand colours as CSS, bundled into the site's one stylesheet through
 * a virtual module (no inline style: the CSP allows none).
 */
import { createHash } from 'node:crypto';
import { Resvg } from '@resvg/resvg-js';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import type { SiteSettings } from '../collections/schemas/site.ts';
import { resolveContentDir } from '../collections/validation/load-content.ts';
import { brandColors, brandCss } from '../domain/brand/palette.ts';
import {
  OG_RENDERER_PACKAGES,
  logoPng,
  ogLogo,
  renderOptions,
  type OgLogo,
} from './social-images/og-image.ts';
import { versionsOf } from './package-versions.ts';
import { headerLogoBox, logoSize, type LogoSize } from '../domain/brand/logo.ts';

export interface BrandLogo {
  /** The file name under /brand/, such as `logo-3f2a9c1e.svg`. */
  fileName: string;
  /** The start of its bytes' SHA-256, in its name and its touch icon's. */
  hash: string;
  src: string;
  type: 'image/svg+xml' | 'image/png';
  bytes: Uint8Array;
  /** Its box in the header. */
  box: LogoSize;
}

const readLogos = new Map<string, { version: string; logo: BrandLogo }>();

/**
 * The logo of `site`, read from the content folder; undefined without a brand. Every page's
 * layout asks for it, so it is read and hashed once per file version (size and change time,
 * so the dev server still sees a new logo), not once per page.
 */
export function brandLogo(
  site: Pick<SiteSettings, 'brand'>,
  contentDir = resolveContentDir(),
): BrandLogo | undefined {
  if (!site.brand) return undefined;
  const file = path.join(contentDir, site.brand.logo);
  const { size, ctimeMs, mtimeMs } = statSync(file);
  const version = `${size}:${ctimeMs}:${mtimeMs}`;
  const known = readLogos.get(file);
  if (known?.version === version) return known.logo;
  const logo = readLogo(file, readFileSync(file));
  readLogos.set(file, { version, logo });
  return logo;
}

function readLogo(file: string, bytes: Uint8Array): BrandLogo {
  const extension = path.extname(file).toLowerCase() === '.png' ? '.png' : '.svg';
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
  const fileName = `logo-${hash}${extension}`;
  return {
    fileName,
    hash,
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

/** Apple's touch icon size for current iPhones and iPads (they scale it for the rest). */
export const TOUCH_ICON_SIZE = 180;
/** Bump when the touch icon's drawing changes, so it is drawn again. */
const TOUCH_ICON_VERSION = 1;
/** The logo's margin on the icon: home screens round the corners and crop near the edge. */
const TOUCH_ICON_PADDING = 18;

export interface TouchIcon {
  /** `touch-icon-<the logo's hash>.png`: pages link it, and their keys already hold the logo. */
  fileName: string;
  src: string;
  /**
   * The route's cache key: the logo and what draws the icon, so an upgrade of resvg or the
   * fonts draws it again under the same name (no page needs to change for that).
   */
  cacheKey: string;
}

export function touchIcon(
  logo: Pick<BrandLogo, 'hash'>,
  rendererVersions: readonly string[] = versionsOf(OG_RENDERER_PACKAGES),
): TouchIcon {
  const fileName = `touch-icon-${logo.hash}.png`;
  const cacheKey = createHash('sha256')
    .update(JSON.stringify([TOUCH_ICON_VERSION, rendererVersions, logo.hash]))
    .digest('hex')
    .slice(0, 20);
  return { fileName, src: `/brand/${fileName}`, cacheKey };
}

/**
 * The 180x180 PNG touch icon: the logo, centred within a margin on an opaque white square
 * (home screens show no transparency: a transparent icon turns black). White, not the brand
 * colour, because a logo is most often drawn in the brand colour itself.
 */
export function touchIconPng(logo: Pick<BrandLogo, 'bytes' | 'type'>): Uint8Array {
  const box = TOUCH_ICON_SIZE - 2 * TOUCH_ICON_PADDING;
  const png = logoPng(logo.bytes, logo.type, box, box);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${TOUCH_ICON_SIZE}" height="${TOUCH_ICON_SIZE}" viewBox="0 0 ${TOUCH_ICON_SIZE} ${TOUCH_ICON_SIZE}"><rect width="100%" height="100%" fill="#ffffff"/><image x="${TOUCH_ICON_PADDING}" y="${TOUCH_ICON_PADDING}" width="${box}" height="${box}" preserveAspectRatio="xMidYMid meet" href="data:image/png;base64,${Buffer.from(png).toString('base64')}"/></svg>`;
  return new Resvg(svg, renderOptions(TOUCH_ICON_SIZE)).render().asPng();
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
