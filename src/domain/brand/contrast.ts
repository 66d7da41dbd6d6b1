/**
 * WCAG 2.2 contrast (relative luminance of sRGB colours), and the nearest colour that reaches a
 * ratio: the brand colour is mixed toward black or white, one percent at a time, keeping its hue,
 * so the suggestion is the smallest change an editor can make, not a colour of our choosing.
 */

export type Rgb = readonly [number, number, number];

export function parseHex(hex: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!match) throw new Error(`Not a #rrggbb colour: ${hex}`);
  return [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16)];
}

export function toHex(rgb: Rgb): string {
  return `#${rgb.map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;
}

/** Relative luminance, WCAG 2.2 (the 0.04045 threshold of sRGB, as the current spec reads). */
export function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(parseHex(a)), luminance(parseHex(b))];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** A ratio as WCAG writes it, rounded down so that 4.496 never reads as a passing 4.5. */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
}

function mix(from: Rgb, to: Rgb, amount: number): Rgb {
  return from.map((channel, index) => channel + (to[index]! - channel) * amount) as unknown as Rgb;
}

/**
 * The colour closest to `hex` (least mixed toward black or white) for which `passes` holds;
 * undefined when neither direction gets there.
 */
export function nearestPassing(
  hex: string,
  passes: (candidate: string) => boolean,
): string | undefined {
  const rgb = parseHex(hex);
  for (let step = 0; step <= 100; step += 1) {
    for (const target of [
      [0, 0, 0],
      [255, 255, 255],
    ] as const) {
      const candidate = toHex(mix(rgb, target, step / 100));
      if (passes(candidate)) return candidate;
    }
  }
  return undefined;
}
