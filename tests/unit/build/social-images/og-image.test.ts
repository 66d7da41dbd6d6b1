import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cachedOgImage, warmOgCache } from '../../../../src/build/social-images/og-cache.ts';
import { readEntry } from '../../../../src/build/verified-entry.ts';
import {
  OG_RENDERER_PACKAGES,
  ogCardHash,
  ogImageSvg,
  wrapText,
  type OgCard,
} from '../../../../src/build/social-images/og-image.ts';
import { installedVersion, versionsOf } from '../../../../src/build/package-versions.ts';

const card: OgCard = {
  title: 'Improving Treatment Effectiveness with Attachment Theory',
  when: 'October 19 – November 9, 2020',
  facts: '8 CE hours · Live online',
  siteName: 'Praxis CET',
};

describe('social image drawing', () => {
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

  it('keys the cache by the installed versions of resvg and the fonts, so an upgrade misses', () => {
    const installed = versionsOf(OG_RENDERER_PACKAGES);
    expect(installed).toEqual([
      `@resvg/resvg-js@${installedVersion('@resvg/resvg-js')}`,
      `dejavu-fonts-ttf@${installedVersion('dejavu-fonts-ttf')}`,
    ]);
    expect(ogCardHash(card)).toBe(ogCardHash(card, installed));
    expect(ogCardHash(card, ['@resvg/resvg-js@2.7.0', installed[1]!])).not.toBe(ogCardHash(card));
    expect(ogCardHash(card, [installed[0]!, 'dejavu-fonts-ttf@2.38.0'])).not.toBe(ogCardHash(card));
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
});
