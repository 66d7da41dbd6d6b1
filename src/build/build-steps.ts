/**
 * What a build makes besides Astro's pages, as an integration the site's integration
 * (integration.ts) adds between the security headers and the redirects, so `astro build` and
 * `npm run build` produce the same site. At the start it sets the missing social images drawing
 * on worker threads, alongside Vite's bundle and Astro's pages (og-cache.ts), and formats every
 * distinct APA reference the pages will show in one batch (citation-cache.ts); once the pages
 * are written it reports which course pages Astro's incremental build reused and indexes the
 * site for search with Pagefind.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { collectGarbage } from './collect-garbage.ts';
import { ContentValidationError } from '../collections/validation/problems.ts';
import { resolveContentDir } from '../collections/validation/load-content.ts';
import { courseOgCard } from '../views/og-card.ts';
import { ogCacheDir, startOgDrawing } from './social-images/og-cache.ts';
import { citationCacheDir, forgetReferences, prepareReferences } from './citation-cache.ts';
import { brandOgLogo } from './brand.ts';
import { forgetContent, loadContentOnce } from '../collections/loader.ts';
import { indexForSearch } from './search-index.ts';
import {
  coursePagesReused,
  readIncrementalManifest,
  type IncrementalManifest,
} from './incremental-manifest.ts';
import { openBuildCache, type BuildCache } from './build-cache.ts';
import { faultPoint, pauseRequested } from './fault-point.ts';
import { isPublished } from '../domain/offerings/publishing.ts';
import { buildNow } from '../process/environment.ts';

const faultRoute = fileURLToPath(new URL('./fault-route.ts', import.meta.url));

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** When each phase of a build ended, for the closing `Phases:` line (the benchmark reads it). */
class PhaseClock {
  private readonly spent: string[] = [];
  private last = performance.now();
  restart(): void {
    this.spent.length = 0;
    this.last = performance.now();
  }
  end(phase: string): void {
    this.spent.push(`${phase} ${seconds(this.last)}`);
    this.last = performance.now();
  }
  summary(): string {
    return `Phases: ${this.spent.join(', ')}.`;
  }
}

export function buildSteps(): AstroIntegration {
  let cacheDir: URL | undefined;
  let contentDir = '';
  let cache: BuildCache | undefined;
  let before: IncrementalManifest | undefined;
  let images: Awaited<ReturnType<typeof startOgDrawing>> | undefined;
  let imagesStarted = 0;
  let references: ReturnType<typeof prepareReferences> | undefined;
  let referencesStarted = 0;
  const phases = new PhaseClock();
  // The build's own summary lines, printed whatever Astro's log level.
  const say = (line: string) => console.log(line);
  return {
    name: 'ce-site:build-steps',
    hooks: {
      'astro:config:setup': async ({ config, command, updateConfig, injectRoute }) => {
        if (command !== 'build') return;
        if (pauseRequested('rendering'))
          injectRoute({ pattern: '/fault-point.txt', entrypoint: faultRoute, prerender: true });
        // Before Astro reads anything from the cache (its content store, at sync): one build at
        // a time, and only what the last finished build sealed (src/build/build-cache.ts).
        cache = await openBuildCache(
          fileURLToPath(config.root),
          fileURLToPath(config.cacheDir),
          say,
        );
        // Routes read the image and reference caches from the resolved `config.cacheDir`
        // (integration.ts serves it to them as `virtual:ce-site/cache-dir`).
        if (cache.isPrivate) updateConfig({ cacheDir: pathToFileURL(`${cache.dir}${path.sep}`) });
      },
      'astro:config:done': ({ config }) => {
        cacheDir = config.cacheDir;
        contentDir = resolveContentDir();
        phases.restart();
      },
      'astro:build:start': async () => {
        // Between the config and this hook, Astro synced the content and generated its types.
        phases.end('content sync');
        const started = performance.now();
        const loaded = await loadContentOnce(contentDir);
        // The content loaders have already thrown for bad content; this is only for types.
        if (!loaded.ok) throw new ContentValidationError(loaded.problems);
        before = cacheDir ? await readIncrementalManifest(cacheDir) : undefined;
        // The costliest artefact, drawn on a worker thread per core while Vite bundles and Astro
        // renders, so no core idles while cards are left (one worker left 5,000 cards to the end
        // of a build); the image route waits for a card not yet stored.
        const logo = brandOgLogo(loaded.content.site, contentDir);
        // Only what this build publishes: a draft or a course whose publishDate lies ahead has no
        // page, so its card would be drawn, and its references formatted, for nobody.
        const now = buildNow();
        const published = loaded.content.courses.filter((course) =>
          isPublished(course.data, now, 'production'),
        );
        images = await startOgDrawing(
          published.map((course) => courseOgCard(course.data, loaded.content.site.name, logo)),
          ogCacheDir(fileURLToPath(cacheDir!)),
          availableParallelism(),
        );
        imagesStarted = started;
        phases.end('social images');
        await faultPoint('social-images');
        // Every distinct APA reference the pages will show, in one batch on a worker thread
        // while Vite bundles: the pages look them up, each waiting for its own if need be.
        referencesStarted = performance.now();
        references = prepareReferences(
          published.map((course) => course.data.readings),
          citationCacheDir(fileURLToPath(cacheDir!)),
          undefined,
          { onWorker: true },
        );
        // Awaited once the pages are written; until then a failure is not unhandled.
        references.catch(() => undefined);
        phases.end('references');
      },
      'astro:build:done': async ({ dir }) => {
        // Vite's bundle, every page, the integrations before this one (the sitemap), and any
        // card still being drawn.
        if (references) {
          const prepared = await references;
          say(
            `References: ${prepared.references} distinct, ${prepared.formatted} formatted, the others reused from the cache (${seconds(referencesStarted)}, alongside the bundle and pages).`,
          );
        }
        if (images) {
          await images.done;
          say(
            `Social images: ${images.drawn} drawn, ${images.reused} reused from the cache (${seconds(imagesStarted)}, alongside the bundle and pages).`,
          );
        }
        phases.end('bundle and pages');
        await faultPoint('pages-written');
        const started = performance.now();
        if (cacheDir) {
          const pages = coursePagesReused(
            before,
            await readIncrementalManifest(cacheDir),
            cache?.discarded,
          );
          say(`Course pages: ${pages.rendered} rendered, ${pages.reused} reused from the cache.`);
        }
        // Pagefind's indexer is a separate process that needs about 2 GB at 5,000 courses; give
        // back what the Astro build no longer uses first, so the two do not add up.
        const freeMemory = () => {
          forgetContent(contentDir);
          forgetReferences();
          collectGarbage();
        };
        const indexCache = cacheDir && fileURLToPath(new URL('search-index/', cacheDir));
        const content = await loadContentOnce(contentDir);
        const pageSlugs = content.ok ? content.content.pages.map(({ id }) => id) : [];
        const index = await indexForSearch(fileURLToPath(dir), indexCache, freeMemory, pageSlugs);
        say(
          `Search index: ${index.pages} pages, ${index.reused ? 'reused from the cache: no searchable page changed' : 'indexed'} (${seconds(started)}).`,
        );
        phases.end('search index');
        await cache?.finish();
        await faultPoint('sealed');
        say(phases.summary());
      },
    },
  };
}
