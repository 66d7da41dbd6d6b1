/**
 * The brand colour in each colour scheme, and what it must stand against: the page
 * background, the surface cards sit on, and the text of a button filled with it. The values
 * are the site's own tokens (src/styles/tokens.css); a unit test keeps the two in step.
 */
import { contrastRatio, nearestPassing } from './contrast.ts';

/** WCAG 2.2 AA for body text (1.4.3). */
export const MIN_TEXT_CONTRAST = 4.5;

export type Scheme = 'light' | 'dark';

export interface SchemeSurfaces {
  /** The page background (`--color-bg`). */
  background: string;
  /** Cards, header and footer (`--color-surface`). */
  surface: string;
  /** Text on a button filled with the accent (`--color-accent-text`). */
  buttonText: string;
}

export const SCHEMES: Readonly<Record<Scheme, SchemeSurfaces>> = {
  light: { background: '#fbfaf7', surface: '#ffffff', buttonText: '#ffffff' },
  dark: { background: '#11151c', surface: '#1a202a', buttonText: '#0b1a1e' },
};

export interface ContrastFailure {
  /** What the colour failed against, in an editor's words. */
  against: string;
  ratio: number;
}

/** Every pairing in which `color` misses AA in `scheme`; empty when it passes. */
export function contrastFailures(color: string, scheme: Scheme): ContrastFailure[] {
  const { background, surface, buttonText } = SCHEMES[scheme];
  const pairs = [
    {
      against: `the ${scheme} page background ${background}`,
      ratio: contrastRatio(color, background),
    },
    { against: `the ${scheme} card background ${surface}`, ratio: contrastRatio(color, surface) },
    { against: `button text ${buttonText} on it`, ratio: contrastRatio(color, buttonText) },
  ];
  return pairs.filter(({ ratio }) => ratio < MIN_TEXT_CONTRAST);
}

/** The nearest colour to `color` that passes every pairing of `scheme`. */
export function nearestPassingColor(color: string, scheme: Scheme): string | undefined {
  return nearestPassing(color, (candidate) => contrastFailures(candidate, scheme).length === 0);
}

export interface BrandColors {
  light: string;
  dark: string;
}

/**
 * The accent of each scheme: `color` in light; `colorDark`, or else the nearest colour to
 * `color` that passes on the dark background (a brand colour dark enough for white button
 * text is nearly always too dark for the dark scheme). A colour that fails is kept as given:
 * the check refuses it before any page is built.
 */
export function brandColors(brand: { color: string; colorDark?: string | undefined }): BrandColors {
  const light = brand.color.toLowerCase();
  const dark = brand.colorDark?.toLowerCase() ?? nearestPassingColor(light, 'dark') ?? light;
  return { light, dark };
}

/** The CSS that puts the brand into the site's tokens; empty without a brand. */
export function brandCss(colors: BrandColors | undefined): string {
  if (!colors) return '';
  const tokens = (color: string) =>
    `--color-accent: ${color}; --color-link: ${color}; --color-brand: ${color};`;
  return (
    `:root { ${tokens(colors.light)} }\n` +
    `@media (prefers-color-scheme: dark) { :root { ${tokens(colors.dark)} } }\n`
  );
}
