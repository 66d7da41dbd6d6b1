/**
 * The one place tests (and `npm run lighthouse`) get their browser: the headless Chromium that
 * ships inside the `@sparticuz/chromium` npm package, so `npm ci` is the whole set-up. Playwright
 * cannot download its own browsers on this network, and a system Chromium is not on every machine.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import chromium from '@sparticuz/chromium';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const packageDir = path.join(repoRoot, 'node_modules/@sparticuz/chromium');
const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
  version: string;
};

/** Where the packaged browser is unpacked once per version (the package unpacks into the temp folder). */
export const BROWSER_DIR = path.join(
  repoRoot,
  'node_modules/.cache',
  `sparticuz-chromium-${version}`,
);

/**
 * Flags for a headless run on a closed network as root: without the networking flags Chromium
 * keeps trying to reach Google's hosts and stalls.
 */
export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Unpacks the browser on first use and returns the path of its executable. */
export async function browserExecutable(): Promise<string> {
  const executable = path.join(BROWSER_DIR, 'chromium');
  if (existsSync(executable)) return executable;
  mkdirSync(BROWSER_DIR, { recursive: true });
  // The package unpacks into os.tmpdir(), which reads TMPDIR on every call.
  const previous = process.env['TMPDIR'];
  process.env['TMPDIR'] = BROWSER_DIR;
  try {
    return await chromium.executablePath();
  } finally {
    if (previous === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previous;
  }
}
