/** The brand colours as CSS, made by src/build/brand.ts from content/site.yaml. */
declare module 'virtual:ce-brand.css';

/**
 * Astro's resolved `config.cacheDir` as an absolute path, for the routes that read the image and
 * reference caches (src/build/integration.ts serves it).
 */
declare module 'virtual:ce-site/cache-dir' {
  export const cacheDir: string;
}
