/**
 * What one build is told by its process environment, read here and nowhere else in src/: the
 * user, CI or a test chooses these per build, so every module asks this one instead of reading
 * `process.env` (a name misspelt in one place would otherwise be silently ignored).
 *
 * - `SITE_NOW`: the instant the build takes as now (src/domain/time/clock.ts reads its value);
 *   the real clock when unset.
 * - `CONTENT_DIR`: the content folder; `content/` in the working folder when unset.
 * - `ASTRO_CACHE_DIR`: the build cache, given to Astro as `cacheDir` by the site's integration
 *   (src/build/integration.ts); every cache then takes Astro's resolved `config.cacheDir`.
 * - `DECAP_SERVER_PORT`: the port of Decap's local backend (`npm run cms`).
 * - `CE_BUILD_PAUSE_AT`, `CE_BUILD_PAUSE_READY`: where a test pauses a build
 *   (src/build/fault-point.ts).
 */
import path from 'node:path';
import { buildNow as nowIn, siteNowProblem as siteNowProblemIn } from '../domain/time/clock.ts';

/** The variables as the pure readers that take an environment expect them (clock.ts). */
export function buildEnvironment(): Readonly<Record<string, string | undefined>> {
  return process.env;
}

/** The build's "now": SITE_NOW, or the real clock; throws for a SITE_NOW that is no instant. */
export function buildNow(): Date {
  return nowIn(buildEnvironment());
}

/** What is wrong with SITE_NOW, in one sentence; undefined when it is unset or valid. */
export function siteNowProblem(): string | undefined {
  return siteNowProblemIn(buildEnvironment());
}

/** The absolute path of the content folder: CONTENT_DIR, or `content/` in the working folder. */
export function contentDirSetting(): string {
  return path.resolve(process.env['CONTENT_DIR'] ?? 'content');
}

/**
 * The build cache folder as the user chose it (ASTRO_CACHE_DIR), relative to `root`; Astro's
 * default, `node_modules/.astro` in the project, when unset.
 */
export function cacheDirSetting(root: string): string {
  return path.resolve(root, process.env['ASTRO_CACHE_DIR'] ?? path.join('node_modules', '.astro'));
}

/** The port of Decap's local backend: DECAP_SERVER_PORT, or `fallback`. */
export function decapProxyPort(fallback: number): number {
  return Number(process.env['DECAP_SERVER_PORT'] ?? fallback);
}

/** Where a test asked the build to pause, and the file to signal it through; undefined when none. */
export function buildPauseSetting(): { at: string; readyFile: string } | undefined {
  const at = process.env['CE_BUILD_PAUSE_AT'];
  const readyFile = process.env['CE_BUILD_PAUSE_READY'];
  return at && readyFile ? { at, readyFile } : undefined;
}
