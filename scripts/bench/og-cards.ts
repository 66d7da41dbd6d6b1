/**
 * Social-card micro-benchmark: what a card costs in each step, and each PNG/JPEG encoding's
 * time and size, measured on the same cards in the same run (the machine is shared: compare
 * within a run). Nothing is written.
 *
 *   npx node scripts/bench/og-cards.ts --cards 200 --runs 3
 *
 * The painter's figures include drawing each glyph mask the first time it is met (once per
 * worker in a build). sharp is measured for comparison only; it comes from Astro's tree, and the build does not use it.
 */
import { Resvg } from '@resvg/resvg-js';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { paintOgRows } from '../../src/build/social-images/og-painter.ts';
import {
  encodeOgRows,
  OG_HEIGHT,
  OG_WIDTH,
  ogImageSvg,
  renderOptions,
  type OgCard,
} from '../../src/build/social-images/og-image.ts';
import { encodeOpaquePng } from '../../src/build/social-images/png-encode.ts';
import { mulberry32 } from './generate-content.ts';

const { values } = parseArgs({
  options: { cards: { type: 'string', default: '200' }, runs: { type: 'string', default: '3' } },
});
const WORDS = (
  'Improving Treatment Effectiveness with Attachment Theory Ethics in Clinical Supervision ' +
  'Trauma-Informed Care for Adolescents and Families Mindfulness Grief Cognitive Behavioral ' +
  'Therapy Motivational Interviewing Substance Use Disorders Telehealth Practice Boundaries'
).split(' ');
const MONTHS = ['January', 'March', 'April', 'June', 'September', 'October', 'November'];

function cardsOf(count: number): OgCard[] {
  const random = mulberry32(1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, () => ({
    title: Array.from({ length: 3 + Math.floor(random() * 8) }, () => pick(WORDS)).join(' '),
    when: `${pick(MONTHS)} ${1 + Math.floor(random() * 27)} – ${pick(MONTHS)} ${1 + Math.floor(random() * 27)}, 2026`,
    facts: `${1 + Math.floor(random() * 12)} CE hours · ${pick(['Live online', 'In person', 'On demand'])}`,
    siteName: 'Praxis CET',
  }));
}

type Encoder = (image: { pixels: Buffer; asPng(): Buffer }) => Buffer | Promise<Buffer>;
const raw = { raw: { width: OG_WIDTH, height: OG_HEIGHT, channels: 4 } } as const;
const ENCODERS: Record<string, Encoder> = {
  'resvg asPng (now)': (image) => image.asPng(),
  'zlib PNG RGB level 1': ({ pixels }) =>
    encodeOpaquePng(pixels, OG_WIDTH, OG_HEIGHT, { level: 1 }),
  'zlib PNG RGB level 2': ({ pixels }) =>
    encodeOpaquePng(pixels, OG_WIDTH, OG_HEIGHT, { level: 2 }),
  'zlib PNG RGB level 3': ({ pixels }) =>
    encodeOpaquePng(pixels, OG_WIDTH, OG_HEIGHT, { level: 3 }),
  'zlib PNG RGB level 4': ({ pixels }) =>
    encodeOpaquePng(pixels, OG_WIDTH, OG_HEIGHT, { level: 4 }),
  'zlib PNG RGB level 6': ({ pixels }) =>
    encodeOpaquePng(pixels, OG_WIDTH, OG_HEIGHT, { level: 6 }),
  'sharp PNG level 1': ({ pixels }) => sharp(pixels, raw).png({ compressionLevel: 1 }).toBuffer(),
  'sharp PNG level 3': ({ pixels }) => sharp(pixels, raw).png({ compressionLevel: 3 }).toBuffer(),
  'sharp PNG level 6': ({ pixels }) => sharp(pixels, raw).png({ compressionLevel: 6 }).toBuffer(),
  'sharp PNG level 1, RGB': ({ pixels }) =>
    sharp(pixels, raw).removeAlpha().png({ compressionLevel: 1 }).toBuffer(),
  'sharp PNG palette (lossy)': ({ pixels }) => sharp(pixels, raw).png({ palette: true }).toBuffer(),
  'sharp JPEG q82': ({ pixels }) => sharp(pixels, raw).jpeg({ quality: 82 }).toBuffer(),
};

sharp.concurrency(1); // one thread, as a card worker is
const cards = cardsOf(Number(values.cards));
for (let run = 1; run <= Number(values.runs); run++) {
  const ms = new Map<string, number>();
  const bytes = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, value: number) =>
    map.set(key, (map.get(key) ?? 0) + value);
  for (const card of cards) {
    let start = performance.now();
    const resvg = new Resvg(ogImageSvg(card), renderOptions(OG_WIDTH));
    add(ms, 'step: parse SVG, fonts, text to paths', performance.now() - start);
    // The bound for drawing with fonts parsed and text laid out once: the same card with its
    // text already turned into paths (by resvg itself), parsed without any font.
    const outlined = resvg.toString();
    start = performance.now();
    const withoutFonts = new Resvg(outlined, {
      ...renderOptions(OG_WIDTH),
      font: { loadSystemFonts: false },
    });
    add(ms, 'step: parse the same with text as paths', performance.now() - start);
    start = performance.now();
    const image = resvg.render();
    add(ms, 'step: render', performance.now() - start);
    start = performance.now();
    const pixels = image.pixels;
    add(ms, 'step: copy out pixels', performance.now() - start);
    if (!withoutFonts.render().pixels.equals(pixels)) add(bytes, 'outlined cards that differ', 1);
    // What the build does now: shaped by HarfBuzz, painted from glyph masks drawn once each.
    start = performance.now();
    const rows = paintOgRows(card);
    add(ms, 'painter: rows (og-painter.ts)', performance.now() - start);
    start = performance.now();
    const painted = encodeOgRows(rows);
    add(ms, 'painter: PNG of the rows (zlib level 3)', performance.now() - start);
    add(bytes, 'painter: PNG of the rows (zlib level 3)', painted.length);
    for (const [name, encode] of Object.entries(ENCODERS)) {
      start = performance.now();
      const out = await encode({ pixels, asPng: () => image.asPng() });
      add(ms, name, performance.now() - start);
      add(bytes, name, out.length);
    }
  }
  console.log(
    `\nOutlined cards whose pixels differ: ${bytes.get('outlined cards that differ') ?? 0}`,
  );
  bytes.delete('outlined cards that differ');
  console.log(`\nRun ${run}, ${cards.length} cards, ms and KB a card:`);
  for (const [name, total] of ms)
    console.log(
      `  ${name.padEnd(40)} ${(total / cards.length).toFixed(2).padStart(7)} ms${bytes.has(name) ? `  ${(bytes.get(name)! / cards.length / 1024).toFixed(1).padStart(6)} KB` : ''}`,
    );
}
