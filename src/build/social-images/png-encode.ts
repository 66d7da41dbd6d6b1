/**
 * A PNG encoder for opaque RGBA pixels (resvg's raw output), with Node's zlib. resvg's own
 * encoder spends more time than drawing the card; a card is flat colour and text, so RGB rows
 * without a filter, deflated at a low level, give a smaller file in under half the time
 * (figures in docs/benchmarks.md, from `scripts/bench/og-cards.ts`). Lossless: the same pixels.
 */
import { endianness } from 'node:os';
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Signature and header chunk: where a chunk written right after the header begins. */
export const PNG_FIRST_CHUNK_AT = 8 + 25;

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** A tEXt chunk, as it appears in the file. */
export function pngTextChunk(keyword: string, text: string): Buffer {
  return chunk('tEXt', Buffer.from(`${keyword}\0${text}`, 'latin1'));
}

/**
 * The image data before deflate: each row of RGB (alpha dropped) led by filter type 0 (None).
 * Throws on a pixel that is not opaque, rather than drop its transparency.
 */
export function rgbRows(rgba: Uint8Array, width: number, height: number): Buffer {
  const stride = width * 3 + 1;
  const out = Buffer.allocUnsafe(stride * height);
  // Whole pixels at a time: a quarter of the reads, and the alpha test is one comparison.
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : new Uint8Array(rgba);
  const pixels = new Uint32Array(aligned.buffer, aligned.byteOffset, width * height);
  if (endianness() !== 'LE') throw new Error('The PNG encoder reads pixels little-endian');
  for (let y = 0, from = 0; y < height; y++) {
    let to = y * stride;
    out[to++] = 0;
    for (const end = from + width; from < end; from++) {
      const pixel = pixels[from]!;
      if (pixel >>> 24 !== 0xff) throw new Error('The PNG encoder takes opaque pixels only');
      out[to++] = pixel & 0xff;
      out[to++] = (pixel >>> 8) & 0xff;
      out[to++] = (pixel >>> 16) & 0xff;
    }
  }
  return out;
}

/**
 * An 8-bit RGB PNG of `rgba`, which must be opaque (a card always is: its background covers
 * it), deflated at zlib `level`, with `chunks` (such as `pngTextChunk`'s) right after the header.
 */
export function encodeOpaquePng(
  rgba: Uint8Array,
  width: number,
  height: number,
  options: { level: number; chunks?: readonly Uint8Array[] },
): Buffer {
  if (rgba.length !== width * height * 4)
    throw new Error(`${rgba.length} bytes of pixels for a ${width}x${height} RGBA image`);
  return encodePngRows(rgbRows(rgba, width, height), width, height, options);
}

/**
 * An 8-bit RGB PNG of image data already in PNG rows (each a filter byte, then RGB), as the
 * card painter writes them: nothing to convert, only to deflate.
 */
export function encodePngRows(
  rows: Uint8Array,
  width: number,
  height: number,
  { level, chunks = [] }: { level: number; chunks?: readonly Uint8Array[] },
): Buffer {
  if (rows.length !== (1 + 3 * width) * height)
    throw new Error(`${rows.length} bytes of rows for a ${width}x${height} RGB image`);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits a channel
  header[9] = 2; // colour type RGB; compression, filter method and interlace stay 0
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    ...chunks,
    chunk('IDAT', deflateSync(rows, { level })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
