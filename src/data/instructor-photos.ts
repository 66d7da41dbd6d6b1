/**
 * The sizes instructor photos are shown in, made by astro:assets. Course pages show the
 * thumbnail; the instructor page shows the portrait and makes the thumbnail too, because the
 * build reuses unchanged course pages from its cache (src/lib/page-cache.ts) and a reused page
 * makes no images of its own: the instructor page, rendered on every build, keeps its files in
 * the site.
 */
import { getImage } from 'astro:assets';
import type { ImageMetadata } from 'astro';

export async function instructorThumbnail(photo: ImageMetadata) {
  return getImage({ src: photo, width: 64, height: 64, densities: [1, 2], fit: 'cover', format: 'webp' });
}

export async function instructorPortrait(photo: ImageMetadata) {
  return getImage({ src: photo, width: 320, height: 320, fit: 'cover', format: 'webp' });
}
