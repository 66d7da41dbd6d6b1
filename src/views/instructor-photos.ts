/**
 * The sizes instructor photos are shown in, made by astro:assets. Course pages show the
 * thumbnail; the instructor page shows the portrait and makes the thumbnail too, so every
 * image file has a page rendered on every build that asks for it (Astro's incremental build
 * also replays the images of a page it reuses).
 */
import { getImage } from 'astro:assets';
import type { ImageMetadata } from 'astro';

export async function instructorThumbnail(photo: ImageMetadata) {
  return getImage({
    src: photo,
    width: 64,
    height: 64,
    densities: [1, 2],
    fit: 'cover',
    format: 'webp',
  });
}

export async function instructorPortrait(photo: ImageMetadata) {
  return getImage({ src: photo, width: 320, height: 320, fit: 'cover', format: 'webp' });
}
