// @ts-check
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import rehypeExternalLinks from 'rehype-external-links';
import remarkGfm from 'remark-gfm';
import { EXTERNAL_LINK_REL, isExternalLink } from './src/collections/validation/html-policy.ts';
import { resolveContentDir } from './src/collections/validation/load-content.ts';
import { readSiteSettings } from './src/collections/validation/site-settings.ts';
import { siteMap } from './src/build/sitemap.ts';
import { security } from './src/build/security.ts';
import { ceSite } from './src/build/integration.ts';
import { brandCssPlugin } from './src/build/brand.ts';
import { courseRedirectFiles } from './src/build/redirects.ts';

// The site URL is set once, in content/site.yaml; a missing or relative URL stops here
// with the same message `npm run check` gives.
const site = readSiteSettings(resolveContentDir());

/** @param {import('hast').Element} element */
const isExternalElement = (element) =>
  isExternalLink(String(element.properties['href'] ?? ''), site.url);

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  // Astro 7's HTML compression drops the space between a line's last word and a tag that
  // starts the next line ("or<a>"); gzip makes the saving negligible anyway.
  compressHTML: false,
  // Separate caches let tests and benchmarks build different content folders side by side.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  build: { format: 'directory', concurrency: 4 },
  // Pages, images and calendars whose route code and `cacheKey` (a hash of what they render
  // from, src/build/render-key.ts) are unchanged are copied from the last build, not rendered.
  experimental: { incrementalBuild: true },
  // .md bodies use Astro's default engine (Sätteri, GFM built in); .mdx files get the
  // unified pipeline with remark-gfm given explicitly, and the same rel on links to other
  // sites as the Markdown renderer gives (rehype-external-links, told which host is ours).
  integrations: [
    mdx({
      extendMarkdownConfig: false,
      processor: unified({
        remarkPlugins: [remarkGfm],
        rehypePlugins: [
          [rehypeExternalLinks, { rel: [...EXTERNAL_LINK_REL], test: isExternalElement }],
        ],
      }),
    }),
    siteMap(),
    security(),
    // Social images before the pages, the search index after them (src/build/integration.ts).
    ceSite(),
    // After the search index, so the redirect pages of renamed courses are never indexed.
    courseRedirectFiles(),
  ],
  devToolbar: { enabled: false },
  // The dev server watches the project folder; benchmark content and built sites hold tens of
  // thousands of files it has no use for.
  vite: {
    // The brand colours from site.yaml, as the CSS module `virtual:ce-brand.css`.
    plugins: [brandCssPlugin(site)],
    server: { watch: { ignored: ['**/.bench/**', '**/dist/**', '**/dist.*/**'] } },
  },
});
