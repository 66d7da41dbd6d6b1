import { Resvg } from '@resvg/resvg-js';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { brandLogo, TOUCH_ICON_SIZE, touchIcon, touchIconPng } from '../../../src/build/brand.ts';
import { repoRoot } from '../../helpers/fixtures.ts';

const launchDir = path.join(repoRoot, 'tests/fixtures/launch');
const svgLogo = brandLogo({ brand: { logo: 'brand/logo.svg', color: '#7a1f5c' } }, launchDir)!;

/** The RGBA pixels of a PNG, decoded by drawing it with resvg at its own size. */
function decode(png: Uint8Array, size: number): Buffer {
  const href = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><image width="${size}" height="${size}" href="${href}"/></svg>`;
  return new Resvg(svg).render().pixels;
}

function pixel(rgba: Buffer, x: number, y: number, size = TOUCH_ICON_SIZE): number[] {
  const at = (y * size + x) * 4;
  return [...rgba.subarray(at, at + 4)];
}

describe('the touch icon', () => {
  it('draws an SVG logo as an opaque 180x180 PNG, centred on white within a margin', () => {
    const png = Buffer.from(touchIconPng(svgLogo));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([180, 180]);
    const rgba = decode(png, TOUCH_ICON_SIZE);
    for (const [x, y] of [
      [0, 0],
      [179, 179],
      [90, 10],
      [10, 90],
    ] as const)
      expect(pixel(rgba, x, y), `${x},${y}`).toEqual([255, 255, 255, 255]);
    // The 160x40 logo fitted to 144 wide: its purple square spans y 72..108 at the left.
    expect(pixel(rgba, 22, 90)).toEqual([0x7a, 0x1f, 0x5c, 255]);
    for (let index = 3; index < rgba.length; index += 4) expect(rgba[index]).toBe(255);
  });

  it('gives a transparent PNG logo a white ground', () => {
    const transparent = new Resvg(
      '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><circle cx="32" cy="32" r="16" fill="#7a1f5c"/></svg>',
    )
      .render()
      .asPng();
    const rgba = decode(touchIconPng({ bytes: transparent, type: 'image/png' }), 180);
    expect(pixel(rgba, 30, 30)).toEqual([255, 255, 255, 255]);
    expect(pixel(rgba, 90, 90)).toEqual([0x7a, 0x1f, 0x5c, 255]);
  });

  it('is named by the logo, and keyed by the logo and what draws it', () => {
    const icon = touchIcon(svgLogo);
    expect(icon.src).toBe(`/brand/touch-icon-${svgLogo.hash}.png`);
    expect(svgLogo.fileName).toBe(`logo-${svgLogo.hash}.svg`);
    expect(touchIcon({ hash: 'another' }).cacheKey).not.toBe(icon.cacheKey);
    const upgraded = touchIcon(svgLogo, ['@resvg/resvg-js@9.9.9', 'dejavu-fonts-ttf@2.37.3']);
    expect(upgraded.src).toBe(icon.src);
    expect(upgraded.cacheKey).not.toBe(icon.cacheKey);
  });
});
