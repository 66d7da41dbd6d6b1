/**
 * Social card images (1200x630 PNG): title, dates, CE hours and site name, drawn as SVG and
 * rasterised by resvg with DejaVu fonts shipped in an npm package (no system fonts needed),
 * then encoded as PNG by png-encode.ts (faster than resvg's own encoder).
 * Each image is cached by a hash of what it shows, so an unchanged course costs nothing on
 * the next build.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { logoSize } from '../../domain/brand/logo.ts';
import { versionsOf } from '../package-versions.ts';
import type { OgCard, OgLogo } from '../../views/og-card.ts';
import { encodePngRows, PNG_FIRST_CHUNK_AT, pngTextChunk } from './png-encode.ts';

// What a card shows is the view's to say (src/views/og-card.ts); drawing it is this file's.
export type { OgCard, OgLogo };

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
/** Bump when the drawing changes, so cached images are redrawn (2: painted, og-painter.ts). */
const TEMPLATE_VERSION = 2;

/** What draws the card besides this file; an upgrade of either draws every card again. */
export const OG_RENDERER_PACKAGES = ['@resvg/resvg-js', 'dejavu-fonts-ttf'] as const;
/** What paints a card: the above and HarfBuzz, which places its glyphs. */
export const OG_CARD_PACKAGES = [...OG_RENDERER_PACKAGES, 'harfbuzzjs'] as const;

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export const OG_FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSerif-Bold.ttf'].map(
  (file) => path.join(fontDir, file),
);

/**
 * A logo drawn as a PNG fitted within `maxWidth` x `maxHeight`. An SVG logo is rasterised on
 * its own first: resvg draws an SVG nested in an `<image>` without the fonts it was given, so
 * a logo's lettering would vanish. A PNG logo is used as it is.
 */
export function logoPng(
  bytes: Uint8Array,
  type: 'image/svg+xml' | 'image/png',
  maxWidth: number,
  maxHeight: number,
): Uint8Array {
  if (type === 'image/png') return bytes;
  const size = logoSize(bytes, '.svg') ?? { width: 1, height: 1 };
  const fitTo =
    size.width / size.height > maxWidth / maxHeight
      ? ({ mode: 'width', value: maxWidth } as const)
      : ({ mode: 'height', value: maxHeight } as const);
  const { Resvg } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  return new Resvg(Buffer.from(bytes), { ...renderOptions(maxWidth), fitTo }).render().asPng();
}

/** A logo file as a card's logo. */
export function ogLogo(bytes: Uint8Array, type: 'image/svg+xml' | 'image/png'): OgLogo {
  const size = logoSize(bytes, type === 'image/png' ? '.png' : '.svg') ?? { width: 1, height: 1 };
  // Twice the box, so the logo stays sharp where the card is shown at its full size.
  const png = logoPng(bytes, type, 2 * LOGO_MAX_WIDTH, 2 * LOGO_HEIGHT);
  return {
    href: `data:image/png;base64,${Buffer.from(png).toString('base64')}`,
    digest: createHash('sha256').update(bytes).digest('hex'),
    ...size,
  };
}

/** resvg's options for the cards and touch icons: the shipped fonts only, for every generic family. */
export function renderOptions(width: number) {
  return {
    fitTo: { mode: 'width', value: width } as const,
    font: {
      fontFiles: OG_FONT_FILES,
      loadSystemFonts: false,
      defaultFontFamily: 'DejaVu Sans',
      // A logo's own text often names a generic family; without these it would draw in none.
      sansSerifFamily: 'DejaVu Sans',
      serifFamily: 'DejaVu Serif',
    },
  };
}

/** The logo's box on a card: 48 high beside the site name, at most 240 wide. */
const LOGO_HEIGHT = 48;
const LOGO_MAX_WIDTH = 240;

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * Greedy word wrap by an average glyph width: exact metrics would need a layout engine, and a
 * title that runs a little short of the edge is harmless. Long titles end in an ellipsis.
 */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const pieces =
      word.length > maxChars
        ? (word.match(new RegExp(`.{1,${maxChars}}`, 'gu')) ?? [word])
        : [word];
    for (const piece of pieces) {
      const candidate = line ? `${line} ${piece}` : piece;
      if (candidate.length <= maxChars) line = candidate;
      else {
        lines.push(line);
        line = piece;
      }
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, maxChars - 1).trimEnd()}…`;
  return kept;
}

/** The faces a card's text is set in, all from `dejavu-fonts-ttf`. */
export const OG_FONTS = {
  sans: { family: 'DejaVu Sans', weight: 400, file: OG_FONT_FILES[0]! },
  'sans-bold': { family: 'DejaVu Sans', weight: 700, file: OG_FONT_FILES[1]! },
  'serif-bold': { family: 'DejaVu Serif', weight: 700, file: OG_FONT_FILES[2]! },
} as const;
export type OgFontName = keyof typeof OG_FONTS;

/** One line of a card's text: where its baseline starts, in which face, size and colour. */
export interface OgTextLine {
  x: number;
  y: number;
  font: OgFontName;
  size: number;
  colour: string;
  text: string;
}

/** Where everything on a card goes: one layout for the painter and for the reference SVG. */
export interface OgLayout {
  logo?: { x: number; y: number; width: number; height: number; href: string };
  lines: OgTextLine[];
}

export const OG_BACKGROUND = '#fbfaf7';
const ACCENT = '#0b5c6b';
const INK = '#1d2433';

export function ogCardLayout(card: OgCard): OgLayout {
  const titleLines = wrapText(card.title, 27, 4);
  const titleSize = titleLines.length > 3 ? 56 : 64;
  const titleTop = 150;
  // The logo sits left of the site name on its line, above the title's first line (whose
  // glyphs rise to about y 100), so a long title never runs into it.
  const logoWidth = card.logo
    ? Math.min(LOGO_MAX_WIDTH, Math.round((card.logo.width / card.logo.height) * LOGO_HEIGHT))
    : 0;
  const line = (y: number, font: OgFontName, size: number, colour: string, text: string) => ({
    x: 80,
    y,
    font,
    size,
    colour,
    text,
  });
  return {
    ...(card.logo && {
      logo: { x: 80, y: 40, width: logoWidth, height: LOGO_HEIGHT, href: card.logo.href },
    }),
    lines: [
      {
        ...line(80, 'sans-bold', 30, ACCENT, card.siteName),
        x: card.logo ? 80 + logoWidth + 20 : 80,
      },
      ...titleLines.map((text, index) =>
        line(titleTop + index * titleSize * 1.2, 'serif-bold', titleSize, INK, text),
      ),
      line(520, 'sans', 34, INK, card.when),
      line(572, 'sans-bold', 34, ACCENT, card.facts),
    ],
  };
}

/** What a card shows under its text: the background, the accent bar and the logo. */
export function ogBackgroundSvg(layout: OgLayout, content = ''): string {
  const { logo } = layout;
  const image = logo
    ? `<image x="${logo.x}" y="${logo.y}" width="${logo.width}" height="${logo.height}" preserveAspectRatio="xMinYMid meet" href="${logo.href}"/>\n`
    : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}">
<rect width="100%" height="100%" fill="${OG_BACKGROUND}"/>
<rect width="24" height="100%" fill="${ACCENT}"/>
${image}${content}</svg>`;
}

/**
 * The card as SVG text for resvg: the reference the painter (og-painter.ts) is tested against,
 * and what the benchmark compares it with. The build paints; it does not draw this.
 */
export function ogImageSvg(card: OgCard): string {
  const layout = ogCardLayout(card);
  const [siteName, ...rest] = layout.lines.map(({ x, y, font, size, colour, text }) => {
    const { family, weight } = OG_FONTS[font];
    const bold = weight === 700 ? ' font-weight="700"' : '';
    return `<text x="${x}" y="${y}" font-family="${family}"${bold} font-size="${size}" fill="${colour}">${escapeXml(text)}</text>`;
  });
  // The title's lines on one line of the SVG, as they always were (its digest is tested).
  const [when, facts] = rest.splice(-2);
  return ogBackgroundSvg(layout, `${siteName}\n${rest.join('')}\n${when}\n${facts}\n`);
}

/** The cache key: everything the image shows, the template's version and the versions of what draws it. */
export function ogCardHash(
  card: OgCard,
  rendererVersions: readonly string[] = versionsOf(OG_CARD_PACKAGES),
): string {
  const key = [
    TEMPLATE_VERSION,
    rendererVersions,
    card.title,
    card.when,
    card.facts,
    card.siteName,
    // Only with a brand, so the key of a card without one stays what it was (and its cache).
    ...(card.logo ? [card.logo.digest, card.logo.width, card.logo.height] : []),
  ];
  return createHash('sha256').update(JSON.stringify(key)).digest('hex').slice(0, 20);
}

/**
 * How a card's PNG is encoded, written into the file as its first chunk: `encodeOgRows`'s
 * settings and Node's zlib, whose version decides the deflated bytes. The cache key (ogCardHash)
 * names what a card shows and what draws it; an entry encoded otherwise (by resvg before, or
 * another zlib) is drawn again on read (`isCurrentOgEncoding`), so warm and cold builds give
 * the same bytes.
 */
const OG_PNG_LEVEL = 3;
const OG_ENCODING = pngTextChunk(
  'Software',
  `ce-og-card png rgb level ${OG_PNG_LEVEL} zlib ${process.versions.zlib}`,
);

/** A card's PNG rows (og-painter.ts) as the PNG the site publishes. */
export function encodeOgRows(rows: Uint8Array): Uint8Array {
  return encodePngRows(rows, OG_WIDTH, OG_HEIGHT, { level: OG_PNG_LEVEL, chunks: [OG_ENCODING] });
}

/** Whether a cached card was encoded as `encodeOgRows` encodes now. */
export function isCurrentOgEncoding(png: Uint8Array): boolean {
  return OG_ENCODING.equals(
    png.subarray(PNG_FIRST_CHUNK_AT, PNG_FIRST_CHUNK_AT + OG_ENCODING.length),
  );
}

/** A card as the PNG the site publishes, painted on this thread (og-painter.ts). */
export async function renderOgPng(card: OgCard): Promise<Uint8Array> {
  // Loaded on first use: HarfBuzz's WebAssembly is only needed where a card is drawn.
  const { paintOgPng } = await import('./og-painter.ts');
  return paintOgPng(card);
}
