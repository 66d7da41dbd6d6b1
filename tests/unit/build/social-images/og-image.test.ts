import { Resvg } from '@resvg/resvg-js';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  cachedOgImage,
  startOgDrawing,
  warmOgCache,
} from '../../../../src/build/social-images/og-cache.ts';
import { readEntry } from '../../../../src/build/verified-entry.ts';
import { OG_ROW_BYTES, paintOgRows } from '../../../../src/build/social-images/og-painter.ts';
import {
  OG_CARD_PACKAGES,
  OG_HEIGHT,
  ogCardHash,
  OG_WIDTH,
  ogImageSvg,
  ogLogo,
  renderOptions,
  wrapText,
  type OgCard,
} from '../../../../src/build/social-images/og-image.ts';
import { installedVersion, versionsOf } from '../../../../src/build/package-versions.ts';
import { repoRoot } from '../../../helpers/fixtures.ts';

const card: OgCard = {
  title: 'Improving Treatment Effectiveness with Attachment Theory',
  when: 'October 19 – November 9, 2020',
  facts: '8 CE hours · Live online',
  siteName: 'Praxis CET',
};

// The launch fixture's logo: a purple square with a P, and the word "Praxis" in sans-serif.
const logoBytes = readFileSync(path.join(repoRoot, 'tests/fixtures/launch/brand/logo.svg'));
const branded: OgCard = { ...card, logo: ogLogo(logoBytes, 'image/svg+xml') };

/** The RGBA pixels of a card as the build paints it. */
function pixels(drawn: OgCard): Buffer {
  const rows = paintOgRows(drawn);
  const rgba = Buffer.alloc(OG_WIDTH * OG_HEIGHT * 4, 255);
  for (let y = 0; y < OG_HEIGHT; y++)
    for (let x = 0; x < OG_WIDTH; x++)
      rows.copy(
        rgba,
        (y * OG_WIDTH + x) * 4,
        y * OG_ROW_BYTES + 1 + x * 3,
        y * OG_ROW_BYTES + 4 + x * 3,
      );
  return rgba;
}

/** The RGBA pixels resvg draws from the card's SVG: the reference for the painter. */
function resvgPixels(drawn: OgCard): Buffer {
  return new Resvg(ogImageSvg(drawn), renderOptions(OG_WIDTH)).render().pixels;
}

/** How far two drawings are apart: the mean difference of a channel, and how many differ a lot. */
function difference(a: Buffer, b: Buffer): { mean: number; far: number } {
  let sum = 0;
  let far = 0;
  for (let at = 0; at < a.length; at++) {
    if (at % 4 === 3) continue;
    const apart = Math.abs(a[at]! - b[at]!);
    sum += apart;
    if (apart > 64) far++;
  }
  return { mean: sum / ((a.length / 4) * 3), far };
}

/** How many pixels in a box are (nearly) the colour `[r, g, b]`. */
function countColour(
  rgba: Buffer,
  box: { x: number; y: number; width: number; height: number },
  [r, g, b]: [number, number, number],
): number {
  let count = 0;
  for (let y = box.y; y < box.y + box.height; y++)
    for (let x = box.x; x < box.x + box.width; x++) {
      const at = (y * OG_WIDTH + x) * 4;
      if (Math.abs(rgba[at]! - r) + Math.abs(rgba[at + 1]! - g) + Math.abs(rgba[at + 2]! - b) < 30)
        count++;
    }
  return count;
}

const PURPLE: [number, number, number] = [0x7a, 0x1f, 0x5c];

describe('social image drawing', () => {
  it('lays a card without a brand out exactly as before the logo existed', () => {
    // The digest of the SVG as it was before cards could carry a logo: the layout has not
    // moved. The key (with fixed versions) is the template's second version, the painted one.
    const digest = (text: string) => createHash('sha256').update(text).digest('hex');
    expect(digest(ogImageSvg(card))).toBe(
      'f50602246c36d35e6ab2bc56fd84a8346d5aca4b81be42315324b637c2cc8b86',
    );
    expect(ogCardHash(card, ['a', 'b'])).toBe('f8602ab5b51a189a8d38');
    expect(ogImageSvg(card)).not.toContain('<image');
  });

  it('paints what resvg draws from the same layout, to within anti-aliasing', () => {
    // Quarter-pixel glyph positions move an edge pixel's shade, never a glyph: on average a
    // channel is off by under one level in 255, and only a few edge pixels by more than 64.
    const fallback: OgCard = {
      ...branded,
      title: 'Ωμέγα → “Quotes” — naïve café ﬁ AVATAR To Wa',
      when: 'Available on demand',
    };
    for (const drawn of [card, branded, fallback]) {
      const { mean, far } = difference(pixels(drawn), resvgPixels(drawn));
      expect(mean).toBeLessThan(0.5);
      expect(far).toBeLessThan(60);
    }
    // Unlike any other card: the comparison can tell cards apart.
    expect(difference(pixels(card), resvgPixels(fallback)).mean).toBeGreaterThan(2);
  });

  it('draws the logo left of the site name, above the title, with its own text', () => {
    const svg = ogImageSvg(branded);
    expect(svg).toContain(
      '<image x="80" y="40" width="192" height="48" preserveAspectRatio="xMinYMid meet" href="data:image/png;base64,',
    );
    // The site name stays text, moved right of the logo's box.
    expect(svg).toContain('<text x="292" y="80"');
    expect(svg).toContain('>Praxis CET</text>');
    const plain = pixels(card);
    const withLogo = pixels(branded);
    // The logo's square, and its word drawn with the shipped fonts (a nested SVG's text).
    const square = { x: 82, y: 44, width: 8, height: 40 };
    const word = { x: 138, y: 50, width: 90, height: 30 };
    expect(countColour(plain, square, PURPLE)).toBe(0);
    expect(countColour(withLogo, square, PURPLE)).toBe(square.width * square.height);
    expect(countColour(plain, word, PURPLE)).toBe(0);
    expect(countColour(withLogo, word, PURPLE)).toBeGreaterThan(100);
    // Below the logo's box (the title and the dates) nothing moved.
    expect(withLogo.subarray(100 * OG_WIDTH * 4)).toEqual(plain.subarray(100 * OG_WIDTH * 4));
  });

  it('keys a card by its logo’s bytes, and keeps a wide logo within its box', () => {
    expect(ogCardHash(branded)).not.toBe(ogCardHash(card));
    expect(ogCardHash(branded)).toBe(
      ogCardHash({ ...card, logo: ogLogo(new Uint8Array(logoBytes), 'image/svg+xml') }),
    );
    const changed = Buffer.from(logoBytes.toString().replace('</svg>', '<circle r="1"/></svg>'));
    expect(ogCardHash({ ...card, logo: ogLogo(changed, 'image/svg+xml') })).not.toBe(
      ogCardHash(branded),
    );
    const wide = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 50"/>');
    expect(ogImageSvg({ ...card, logo: ogLogo(wide, 'image/svg+xml') })).toContain(
      'width="240" height="48"',
    );
  });

  it('wraps a title by words and ends an over-long one with an ellipsis', () => {
    expect(wrapText('Improving Treatment Effectiveness with Attachment Theory', 27, 4)).toEqual([
      'Improving Treatment',
      'Effectiveness with',
      'Attachment Theory',
    ]);
    expect(wrapText('a '.repeat(100), 10, 2)).toHaveLength(2);
    expect(wrapText('a '.repeat(100), 10, 2)[1]).toMatch(/…$/);
    expect(wrapText('x'.repeat(25), 10, 4)).toEqual(['xxxxxxxxxx', 'xxxxxxxxxx', 'xxxxx']);
  });

  it('escapes text in the SVG', () => {
    expect(ogImageSvg({ ...card, title: 'A <script> & "quotes"' })).toContain(
      'A &#60;script&#62; &#38; &#34;quotes&#34;',
    );
  });

  it('keys the cache by what the image shows', () => {
    expect(ogCardHash(card)).toBe(ogCardHash({ ...card }));
    expect(ogCardHash(card)).not.toBe(
      ogCardHash({ ...card, when: 'October 20 – November 9, 2020' }),
    );
  });

  it('keys the cache by the installed versions of resvg, HarfBuzz and the fonts, so an upgrade misses', () => {
    const installed = versionsOf(OG_CARD_PACKAGES);
    expect(installed).toEqual([
      `@resvg/resvg-js@${installedVersion('@resvg/resvg-js')}`,
      `dejavu-fonts-ttf@${installedVersion('dejavu-fonts-ttf')}`,
      `harfbuzzjs@${installedVersion('harfbuzzjs')}`,
    ]);
    expect(ogCardHash(card)).toBe(ogCardHash(card, installed));
    expect(ogCardHash(card, ['@resvg/resvg-js@2.7.0', ...installed.slice(1)])).not.toBe(
      ogCardHash(card),
    );
    expect(ogCardHash(card, [installed[0]!, 'dejavu-fonts-ttf@2.38.0', installed[2]!])).not.toBe(
      ogCardHash(card),
    );
    expect(ogCardHash(card, [...installed.slice(0, 2), 'harfbuzzjs@9.0.0'])).not.toBe(
      ogCardHash(card),
    );
  });

  it('draws missing images on worker threads as 1200x630 PNGs, and reuses them next time', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ce-og-'));
    const cards = [card, { ...card, title: 'Second course' }, { ...card, title: 'Third course' }];
    expect(await warmOgCache(cards, dir)).toEqual({ drawn: 3, reused: 0 });
    expect(await warmOgCache(cards, dir)).toEqual({ drawn: 0, reused: 3 });
    const files = await readdir(dir);
    expect(files).toHaveLength(3);
    const png = Buffer.from(
      (await readEntry(path.join(dir, files[0]!), files[0]!.replace('.png', '')))!,
    );
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  }, 60_000);

  it("draws again an image whose cached file is truncated, emptied or another card's", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ce-og-'));
    const cards = [card, { ...card, title: 'Second course' }, { ...card, title: 'Third course' }];
    await warmOgCache(cards, dir);
    const [first, second, third] = cards.map((each) => path.join(dir, `${ogCardHash(each)}.png`));
    const whole = await readFile(first!);
    await writeFile(first!, whole.subarray(0, whole.length - 100));
    await writeFile(second!, '');
    await writeFile(third!, whole);
    const warnings: string[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation((line: string) => {
      warnings.push(line);
    });
    try {
      expect(await warmOgCache(cards, dir)).toEqual({ drawn: 3, reused: 0 });
    } finally {
      warn.mockRestore();
    }
    expect(warnings.sort()).toEqual(
      [
        `Cache entry ${first} failed verification (${whole.length - 100 - whole.indexOf(10) - 1} bytes where ${whole.length - whole.indexOf(10) - 1} were stored); it is discarded and made again.`,
        `Cache entry ${second} failed verification (no header); it is discarded and made again.`,
        `Cache entry ${third} failed verification (it holds the entry for another key (${ogCardHash(card)})); it is discarded and made again.`,
      ].sort(),
    );
    expect(await warmOgCache(cards, dir)).toEqual({ drawn: 0, reused: 3 });
    expect(await cachedOgImage(cards[2]!, dir)).toEqual(
      new Uint8Array((await readEntry(third!, ogCardHash(cards[2]!)))!),
    );
  }, 60_000);

  it('draws alongside the pages: a page asking for a queued card draws it itself, and every card is stored once drawing is done', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ce-og-'));
    const cards = Array.from({ length: 6 }, (_, index) => ({
      ...card,
      title: `Course ${index + 1}`,
    }));
    // One worker, which takes the cards in order: the last is still queued when a page asks.
    const drawing = await startOgDrawing(cards, dir, 1);
    expect([drawing.drawn, drawing.reused]).toEqual([6, 0]);
    const last = cards[5]!;
    const askedEarly = await cachedOgImage(last, dir);
    await drawing.done;
    expect((await readdir(dir)).sort()).toEqual(
      cards.map((each) => `${ogCardHash(each)}.png`).sort(),
    );
    // The same bytes as a card drawn on a worker in a cache of its own.
    const elsewhere = await mkdtemp(path.join(tmpdir(), 'ce-og-'));
    await warmOgCache([last], elsewhere);
    const file = `${ogCardHash(last)}.png`;
    expect(askedEarly).toEqual(
      new Uint8Array((await readEntry(path.join(elsewhere, file), ogCardHash(last)))!),
    );
    expect(await cachedOgImage(last, dir)).toEqual(askedEarly);
    expect(await warmOgCache(cards, dir)).toEqual({ drawn: 0, reused: 6 });
  }, 60_000);
});
