/**
 * Paints a social card straight into PNG rows, without laying out its text in resvg for each
 * card: that layout and its drawing were 70% of a card's cost (8.8 of 12.5 ms on a quiet
 * machine, `scripts/bench/og-cards.ts`). HarfBuzz (harfbuzzjs) shapes each line as resvg does
 * (resvg's shaper, rustybuzz, is HarfBuzz ported to Rust), and each glyph, at each
 * quarter-pixel offset, is drawn once by resvg into a coverage mask that later cards blend
 * from. The background, accent bar and logo are drawn by resvg once per logo.
 * A card then costs about 3.3 ms, 2 of them zlib's. Deterministic: the same card gives the
 * same bytes on any thread, so warm, cold and route-drawn cards are identical.
 */
import { Resvg } from '@resvg/resvg-js';
import * as harfbuzz from 'harfbuzzjs';
import { readFileSync } from 'node:fs';
import {
  OG_FONTS,
  OG_HEIGHT,
  OG_WIDTH,
  ogBackgroundSvg,
  ogCardLayout,
  encodeOgRows,
  type OgCard,
  type OgFontName,
  type OgLayout,
} from './og-image.ts';
import { rgbRows } from './png-encode.ts';

/** Bytes in a row of the PNG's image data: a filter byte, then RGB. */
export const OG_ROW_BYTES = 1 + 3 * OG_WIDTH;

/** Glyph positions are kept to a quarter pixel: closer than the eye can tell at this size. */
const STEPS_PER_PIXEL = 4;

interface ShapingFont {
  font: harfbuzz.Font;
  unitsPerEm: number;
}

/** Which pixels a glyph covers (0–255), relative to the pixel that holds its origin. */
interface GlyphMask {
  left: number;
  top: number;
  width: number;
  height: number;
  coverage: Uint8Array;
}

const NO_FONTS = { font: { loadSystemFonts: false } };

let fonts: Map<OgFontName, ShapingFont> | undefined;
/** One HarfBuzz buffer for every line: its memory is WebAssembly's, freed only after a GC. */
let shaping: harfbuzz.Buffer | undefined;
const masks = new Map<string, GlyphMask | null>();
const backgrounds = new Map<string, Buffer>();

function shapingFonts(): Map<OgFontName, ShapingFont> {
  fonts ??= new Map(
    Object.entries(OG_FONTS).map(([name, { file }]) => {
      const face = new harfbuzz.Face(new harfbuzz.Blob(readFileSync(file)));
      return [name as OgFontName, { font: new harfbuzz.Font(face), unitsPerEm: face.upem }];
    }),
  );
  return fonts;
}

/** The glyph's outline drawn by resvg at `size`, its origin `stepX`/`stepY` quarters into a pixel. */
function glyphMask(name: OgFontName, glyph: number, size: number, stepX: number, stepY: number) {
  const key = `${name} ${glyph} ${size} ${stepX} ${stepY}`;
  const known = masks.get(key);
  if (known !== undefined) return known;
  const { font, unitsPerEm } = shapingFonts().get(name)!;
  const extents = font.glyphExtents(glyph);
  const outline = font.glyphToPath(glyph);
  let mask: GlyphMask | null = null;
  if (extents && outline && extents.width > 0) {
    const scale = size / unitsPerEm;
    const [offsetX, offsetY] = [stepX / STEPS_PER_PIXEL, stepY / STEPS_PER_PIXEL];
    // A pixel of margin on each side for anti-aliasing; font units point up, pixels down.
    const left = Math.floor(extents.xBearing * scale + offsetX) - 1;
    const top = Math.floor(-extents.yBearing * scale + offsetY) - 1;
    const width = Math.ceil((extents.xBearing + extents.width) * scale + offsetX) + 1 - left;
    const height = Math.ceil((-extents.yBearing - extents.height) * scale + offsetY) + 1 - top;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><path transform="translate(${offsetX - left} ${offsetY - top}) scale(${scale} ${-scale})" d="${outline}"/></svg>`;
    const rgba = new Resvg(svg, NO_FONTS).render().pixels;
    const coverage = new Uint8Array(width * height);
    for (let at = 0; at < coverage.length; at++) coverage[at] = rgba[at * 4 + 3]!;
    mask = { left, top, width, height, coverage };
  }
  masks.set(key, mask);
  return mask;
}

/**
 * The text split into runs, each set in the first of the card's faces that has all its
 * characters, the line's own face first: resvg falls back the same way for a character its
 * face lacks.
 */
function fontRuns(text: string, first: OgFontName): { font: OgFontName; text: string }[] {
  const order = [
    first,
    ...(Object.keys(OG_FONTS) as OgFontName[]).filter((name) => name !== first),
  ];
  const runs: { font: OgFontName; text: string }[] = [];
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    const font =
      order.find((name) => (shapingFonts().get(name)!.font.nominalGlyph(codePoint) ?? 0) !== 0) ??
      first;
    const last = runs.at(-1);
    if (last?.font === font) last.text += character;
    else runs.push({ font, text: character });
  }
  return runs;
}

function rgbOf(colour: string): [number, number, number] {
  const value = Number.parseInt(colour.slice(1), 16);
  return [value >> 16, (value >> 8) & 0xff, value & 0xff];
}

/** Blends a glyph's mask in `colour` into the rows, its origin at pixel (x, y). */
function blendMask(rows: Buffer, mask: GlyphMask, x: number, y: number, [r, g, b]: number[]) {
  for (let row = 0; row < mask.height; row++) {
    const py = y + mask.top + row;
    if (py < 0 || py >= OG_HEIGHT) continue;
    const rowStart = py * OG_ROW_BYTES + 1;
    for (let column = 0; column < mask.width; column++) {
      const alpha = mask.coverage[row * mask.width + column]!;
      const px = x + mask.left + column;
      if (alpha === 0 || px < 0 || px >= OG_WIDTH) continue;
      const at = rowStart + px * 3;
      const rest = 255 - alpha;
      rows[at] = (rows[at]! * rest + r! * alpha + 127) / 255;
      rows[at + 1] = (rows[at + 1]! * rest + g! * alpha + 127) / 255;
      rows[at + 2] = (rows[at + 2]! * rest + b! * alpha + 127) / 255;
    }
  }
}

function paintLine(rows: Buffer, line: OgLayout['lines'][number]): void {
  const colour = rgbOf(line.colour);
  let penX = line.x;
  for (const run of fontRuns(line.text, line.font)) {
    const { font, unitsPerEm } = shapingFonts().get(run.font)!;
    const scale = line.size / unitsPerEm;
    const buffer = (shaping ??= new harfbuzz.Buffer());
    buffer.clearContents();
    buffer.addText(run.text);
    buffer.guessSegmentProperties();
    harfbuzz.shape(font, buffer);
    const positions = buffer.getGlyphPositions();
    buffer.getGlyphInfos().forEach(({ codepoint: glyph }, index) => {
      const { xAdvance, xOffset, yOffset } = positions[index]!;
      const [x, y] = [penX + xOffset * scale, line.y - yOffset * scale];
      const [pixelX, pixelY] = [Math.floor(x), Math.floor(y)];
      const stepX = Math.round((x - pixelX) * STEPS_PER_PIXEL);
      const stepY = Math.round((y - pixelY) * STEPS_PER_PIXEL);
      const mask = glyphMask(run.font, glyph, line.size, stepX, stepY);
      if (mask) blendMask(rows, mask, pixelX, pixelY, colour);
      penX += xAdvance * scale;
    });
  }
}

/** The rows under the text (background, bar, logo), drawn by resvg once per logo. */
function backgroundRows(layout: OgLayout): Buffer {
  const key = layout.logo ? JSON.stringify(layout.logo) : '';
  let rows = backgrounds.get(key);
  if (!rows) {
    rows = rgbRows(
      new Resvg(ogBackgroundSvg(layout), NO_FONTS).render().pixels,
      OG_WIDTH,
      OG_HEIGHT,
    );
    // One brand a site: a second logo is only ever a test's, so no eviction is needed.
    backgrounds.set(key, rows);
  }
  return rows;
}

/** A card's image data as PNG rows: each row a filter byte (0, none) and RGB pixels. */
export function paintOgRows(card: OgCard): Buffer {
  const layout = ogCardLayout(card);
  const rows = Buffer.from(backgroundRows(layout));
  for (const line of layout.lines) paintLine(rows, line);
  return rows;
}

/** A card as the PNG the site publishes. */
export function paintOgPng(card: OgCard): Uint8Array {
  return encodeOgRows(paintOgRows(card));
}
