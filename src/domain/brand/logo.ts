/**
 * A logo's intrinsic size, read from its own bytes (an SVG's width and height or viewBox, a
 * PNG's header), so the header can reserve its box before it loads (no layout shift).
 */

export interface LogoSize {
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngSize(bytes: Uint8Array): LogoSize | undefined {
  if (bytes.length < 24 || PNG_SIGNATURE.some((byte, index) => bytes[index] !== byte))
    return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function svgSize(text: string): LogoSize | undefined {
  const root = /<svg\b[^>]*>/i.exec(text)?.[0];
  if (!root) return undefined;
  const attribute = (name: string) =>
    new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(root)?.[1];
  const viewBox = attribute('viewBox')
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  if (viewBox?.length === 4 && viewBox[2]! > 0 && viewBox[3]! > 0)
    return { width: viewBox[2]!, height: viewBox[3]! };
  const [width, height] = [attribute('width'), attribute('height')].map((value) =>
    Number.parseFloat(value ?? ''),
  );
  return width! > 0 && height! > 0 ? { width: width!, height: height! } : undefined;
}

/** The size of an SVG or PNG logo; undefined when the file does not say. */
export function logoSize(bytes: Uint8Array, extension: '.svg' | '.png'): LogoSize | undefined {
  return extension === '.png' ? pngSize(bytes) : svgSize(new TextDecoder().decode(bytes));
}

/** The logo's box in the header: a fixed height, the width that keeps its proportions. */
export function headerLogoBox(size: LogoSize | undefined, height = 40): LogoSize {
  if (!size) return { width: height, height };
  return { width: Math.round((size.width / size.height) * height), height };
}
