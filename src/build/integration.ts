/**
 * The site's integration, the only thing astro.config.mjs names (as Starlight's does): it sets
 * Astro's options and adds, in this order, MDX, the sitemap, the security headers, the build
 * steps (social images alongside the pages, the search index after them) and the redirects of
 * renamed courses (after the search index, so their pages are never indexed).
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import type { AstroIntegration } from 'astro';
import type { Element } from 'hast';
import rehypeExternalLinks from 'rehype-external-links';
import remarkGfm from 'remark-gfm';
import type { Plugin } from 'vite';
import { EXTERNAL_LINK_REL, isExternalLink } from '../collections/validation/html-policy.ts';
import { resolveContentDir } from '../collections/validation/load-content.ts';
import { readSiteSettings } from '../collections/validation/site-settings.ts';
import { cacheDirSetting } from '../process/environment.ts';
import { brandCssPlugin } from './brand.ts';
import { buildSteps } from './build-steps.ts';
import { courseRedirectFiles } from './redirects.ts';
import { security } from './security.ts';
import { siteMap } from './sitemap.ts';

/**
 * .md bodies use Astro's default engine (Sätteri, GFM built in); .mdx files get the unified
 * pipeline with remark-gfm given explicitly, and the same rel on links to other sites as the
 * Markdown renderer gives (rehype-external-links, told which host is ours).
 */
function siteMdx(siteUrl: string): AstroIntegration {
  const isExternalElement = (element: Element) =>
    isExternalLink(String(element.properties['href'] ?? ''), siteUrl);
  return mdx({
    extendMarkdownConfig: false,
    processor: unified({
      remarkPlugins: [remarkGfm],
      rehypePlugins: [
        [rehypeExternalLinks, { rel: [...EXTERNAL_LINK_REL], test: isExternalElement }],
      ],
    }),
  });
}

const CACHE_DIR_MODULE = 'virtual:ce-site/cache-dir';

/**
 * A Vite plugin serving `virtual:ce-site/cache-dir`: Astro's resolved `config.cacheDir` (which a
 * build whose cache is busy replaces with a private one, build-cache.ts), for the routes that
 * read the image and reference caches. A module, not the environment: routes run in Vite's
 * bundle, which shares no state with this file.
 */
function cacheDirModule(resolvedCacheDir: () => URL): Plugin {
  const resolvedId = `\0${CACHE_DIR_MODULE}`;
  return {
    name: 'ce-site-cache-dir',
    resolveId: (id) => (id === CACHE_DIR_MODULE ? resolvedId : undefined),
    load: (id) =>
      id === resolvedId
        ? `export const cacheDir = ${JSON.stringify(fileURLToPath(resolvedCacheDir()))};`
        : undefined,
  };
}

export function ceCourseSite(): AstroIntegration {
  let cacheDir: URL | undefined;
  return {
    name: 'ce-site',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        // The site URL is set once, in content/site.yaml; a missing or relative URL stops here
        // with the same message `npm run check` gives.
        const site = readSiteSettings(resolveContentDir());
        const root = fileURLToPath(config.root);
        updateConfig({
          site: site.url,
          trailingSlash: 'always',
          // Astro 7's HTML compression drops the space between a line's last word and a tag
          // that starts the next line ("or<a>"); gzip makes the saving negligible anyway.
          compressHTML: false,
          // ASTRO_CACHE_DIR: separate caches let tests and benchmarks build different content
          // folders side by side. Astro reads it only after this hook (content store, pages).
          cacheDir: pathToFileURL(`${cacheDirSetting(root)}${path.sep}`),
          build: { format: 'directory', concurrency: 4 },
          // Pages, images and calendars whose route code and `cacheKey` (a hash of what they
          // render from, render-key.ts) are unchanged are copied from the last build.
          experimental: { incrementalBuild: true },
          devToolbar: { enabled: false },
          vite: {
            plugins: [
              // The brand colours from site.yaml, as the CSS module `virtual:ce-brand.css`.
              brandCssPlugin(site),
              // Set at `astro:config:done`, before Vite loads any module.
              cacheDirModule(() => cacheDir!),
            ],
            // The dev server watches the project folder; benchmark content and built sites
            // hold tens of thousands of files it has no use for.
            server: { watch: { ignored: ['**/.bench/**', '**/dist/**', '**/dist.*/**'] } },
          },
          integrations: [
            siteMdx(site.url),
            siteMap(),
            security(),
            buildSteps(),
            courseRedirectFiles(),
          ],
        });
      },
      'astro:config:done': ({ config }) => {
        cacheDir = config.cacheDir;
      },
    },
  };
}
