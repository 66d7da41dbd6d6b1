/** `/og/<slug>.png`: the course's 1200x630 social image, drawn once and cached by content hash. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allCourses, siteSettings, type CourseView } from '../../views/catalog.ts';
import { courseOgCard } from '../../views/og-card.ts';
import { brandOgLogo } from '../../build/brand.ts';
import { cacheDir } from 'virtual:ce-site/cache-dir';
import { cachedOgImage, ogCacheDir } from '../../build/social-images/og-cache.ts';
import { ogCardHash, type OgCard } from '../../build/social-images/og-image.ts';

export const getStaticPaths = (async () => {
  const [courses, site] = await Promise.all([allCourses(), siteSettings()]);
  const logo = brandOgLogo(site);
  return courses.map((view: CourseView) => {
    const card = courseOgCard(view.entry.data, site.name, logo);
    // The card's hash names its drawing in the image cache, which the integration has filled.
    return { params: { slug: view.slug }, props: { card }, cacheKey: ogCardHash(card) };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: OgCard }> = async ({ props }) => {
  const png = await cachedOgImage(props.card, ogCacheDir(cacheDir));
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
