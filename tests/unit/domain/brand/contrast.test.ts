/** WCAG contrast ratios, the brand colour per scheme, and the nearest colour that passes. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  contrastRatio,
  formatRatio,
  nearestPassing,
} from '../../../../src/domain/brand/contrast.ts';
import {
  brandColors,
  brandCss,
  contrastFailures,
  nearestPassingColor,
  SCHEMES,
} from '../../../../src/domain/brand/palette.ts';
import { repoRoot } from '../../../helpers/fixtures.ts';

describe('contrast', () => {
  it('gives the WCAG ratios of known pairs', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // WebAIM's checker: #767676 on white is 4.54:1, the lightest grey that passes AA.
    expect(formatRatio(contrastRatio('#767676', '#ffffff'))).toBe('4.54:1');
    expect(formatRatio(contrastRatio('#777777', '#ffffff'))).toBe('4.47:1');
  });

  it('rounds a ratio down, so a failing one never reads as 4.50', () => {
    expect(formatRatio(4.4999)).toBe('4.49:1');
  });

  it('finds the least change that passes, toward black or white', () => {
    expect(nearestPassing('#777777', (c) => contrastRatio(c, '#ffffff') >= 4.5)).toBe('#767676');
    expect(nearestPassing('#767676', (c) => contrastRatio(c, '#ffffff') >= 4.5)).toBe('#767676');
  });
});

describe('brand palette', () => {
  it('keeps the scheme surfaces in step with the design tokens', () => {
    const tokens = readFileSync(path.join(repoRoot, 'src/styles/tokens.css'), 'utf8');
    const [light, dark] = tokens.split('prefers-color-scheme: dark');
    const token = (css: string, name: string) =>
      new RegExp(`--${name}: (#[0-9a-f]{6})`).exec(css)?.[1];
    for (const [scheme, css] of [
      ['light', light!],
      ['dark', dark!],
    ] as const) {
      expect(SCHEMES[scheme]).toEqual({
        background: token(css, 'color-bg'),
        surface: token(css, 'color-surface'),
        buttonText: token(css, 'color-accent-text'),
      });
    }
  });

  it('passes the site’s own accents', () => {
    expect(contrastFailures('#0b5c6b', 'light')).toEqual([]);
    expect(contrastFailures('#5fc4d4', 'dark')).toEqual([]);
  });

  it('names every pairing a faint colour fails, with its ratio', () => {
    const failures = contrastFailures('#ff9900', 'light');
    expect(failures.map(({ against }) => against)).toEqual([
      'the light page background #fbfaf7',
      'the light card background #ffffff',
      'button text #ffffff on it',
    ]);
    expect(failures.every(({ ratio }) => ratio < 4.5)).toBe(true);
  });

  it('derives a dark-scheme colour from the brand colour when colorDark is left out', () => {
    const colors = brandColors({ color: '#7A1F5C' });
    expect(colors.light).toBe('#7a1f5c');
    expect(colors.dark).toBe(nearestPassingColor('#7a1f5c', 'dark'));
    expect(contrastFailures(colors.dark, 'dark')).toEqual([]);
    expect(brandColors({ color: '#7a1f5c', colorDark: '#F0A0D0' }).dark).toBe('#f0a0d0');
  });

  it('writes CSS only when there is a brand', () => {
    expect(brandCss(undefined)).toBe('');
    expect(brandCss({ light: '#7a1f5c', dark: '#e89cc9' })).toBe(
      ':root { --color-accent: #7a1f5c; --color-link: #7a1f5c; --color-brand: #7a1f5c; }\n' +
        '@media (prefers-color-scheme: dark) { :root { --color-accent: #e89cc9; --color-link: #e89cc9; --color-brand: #e89cc9; } }\n',
    );
  });
});
