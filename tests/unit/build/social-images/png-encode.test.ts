import { Resvg } from '@resvg/resvg-js';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { cachedOgImage, warmOgCache } from '../../../../src/build/social-images/og-cache.ts';
import {
  encodeOgRows,
  isCurrentOgEncoding,
  OG_HEIGHT,
  OG_WIDTH,
  ogCardHash,
  ogImageSvg,
  renderOptions,
  type OgCard,
} from '../../../../src/build/social-images/og-image.ts';
import { OG_ROW_BYTES, paintOgRows } from '../../../../src/build/social-images/og-painter.ts';
import {
  encodeOpaquePng,
  encodePngRows,
  pngTextChunk,
} from '../../../../src/build/social-images/png-encode.ts';
import { readEntry, writeEntry } from '../../../../src/build/verified-entry.ts';

/** A PNG's chunks by type, in order. */
function chunksOf(png: Uint8Array): { type: string; data: Buffer }[] {
  const bytes = Buffer.from(png);
  const chunks: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    chunks.push({
      type: bytes.toString('latin1', at + 4, at + 8),
      data: bytes.subarray(at + 8, at + 8 + length),
    });
    at += 12 + length;
  }
  return chunks;
}

/** The RGB bytes of an unfiltered RGB PNG (the only kind encodeOpaquePng writes). */
function rgbOf(png: Uint8Array, width: number): Buffer {
  const idat = Buffer.concat(
    chunksOf(png)
      .filter((chunk) => chunk.type === 'IDAT')
      .map((c) => c.data),
  );
  const rows = inflateSync(idat);
  const stride = width * 3 + 1;
  const rgb: Buffer[] = [];
  for (let at = 0; at < rows.length; at += stride) {
    expect(rows[at]).toBe(0);
    rgb.push(rows.subarray(at + 1, at + stride));
  }
  return Buffer.concat(rgb);
}

const card: OgCard = {
  title: 'Improving Treatment Effectiveness with Attachment Theory',
  when: 'October 19 – November 9, 2020',
  facts: '8 CE hours · Live online',
  siteName: 'Praxis CET',
};

describe('the PNG encoder', () => {
  it('writes the same pixels as RGB, with the given chunks right after the header', () => {
    // 2x2: red, green / blue, white.
    const rgba = new Uint8Array([
      255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255,
    ]);
    const png = encodeOpaquePng(rgba, 2, 2, { level: 3, chunks: [pngTextChunk('Software', 'x')] });
    expect(chunksOf(png).map((chunk) => chunk.type)).toEqual(['IHDR', 'tEXt', 'IDAT', 'IEND']);
    expect([...chunksOf(png)[0]!.data]).toEqual([0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0]);
    expect(chunksOf(png)[1]!.data.toString('latin1')).toBe('Software\0x');
    expect([...rgbOf(png, 2)]).toEqual([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255]);
  });

  it('refuses pixels that are not opaque, or not as many as the size says', () => {
    expect(() => encodeOpaquePng(new Uint8Array([1, 2, 3, 254]), 1, 1, { level: 1 })).toThrow(
      new Error('The PNG encoder takes opaque pixels only'),
    );
    expect(() => encodeOpaquePng(new Uint8Array(12), 2, 2, { level: 1 })).toThrow(
      new Error('12 bytes of pixels for a 2x2 RGBA image'),
    );
  });

  it('encodes a card losslessly: the rows painted, 1200x630, marked with its encoding', () => {
    const rows = paintOgRows(card);
    const png = encodeOgRows(rows);
    expect(Buffer.from(png).readUInt32BE(16)).toBe(OG_WIDTH);
    expect(Buffer.from(png).readUInt32BE(20)).toBe(OG_HEIGHT);
    const rgb = Buffer.concat(
      Array.from({ length: OG_HEIGHT }, (_, y) =>
        rows.subarray(y * OG_ROW_BYTES + 1, (y + 1) * OG_ROW_BYTES),
      ),
    );
    expect(rgbOf(png, OG_WIDTH).equals(rgb)).toBe(true);
    expect(isCurrentOgEncoding(png)).toBe(true);
    expect(chunksOf(png)[1]!.data.toString('latin1')).toBe(
      `Software\0ce-og-card png rgb level 3 zlib ${process.versions.zlib}`,
    );
  });

  it('refuses rows of the wrong length', () => {
    expect(() => encodePngRows(new Uint8Array(6), 1, 1, { level: 1 })).toThrow(
      new Error('6 bytes of rows for a 1x1 RGB image'),
    );
  });
});

describe('cached cards of another encoding', () => {
  it('draws again, silently, a sound entry that resvg encoded (the cache before this encoder)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ce-og-'));
    const key = ogCardHash(card);
    const file = path.join(dir, `${key}.png`);
    const old = new Resvg(ogImageSvg(card), renderOptions(OG_WIDTH)).render().asPng();
    expect(isCurrentOgEncoding(old)).toBe(false);
    await writeEntry(file, key, old);
    const warn = vi.spyOn(console, 'warn');
    try {
      expect(await warmOgCache([card], dir)).toEqual({ drawn: 1, reused: 0 });
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
    const drawn = (await readEntry(file, key))!;
    expect(isCurrentOgEncoding(drawn)).toBe(true);
    // The image route reads what the workers drew, and would draw the same bytes itself.
    expect(await cachedOgImage(card, dir)).toEqual(new Uint8Array(drawn));
    await writeEntry(file, key, old);
    expect(Buffer.from(await cachedOgImage(card, dir)).equals(Buffer.from(drawn))).toBe(true);
    // …and stores it in place of the old one.
    expect(Buffer.from((await readEntry(file, key))!).equals(Buffer.from(drawn))).toBe(true);
  }, 60_000);
});
