/** `/brand/touch-icon-<hash>.png`: the logo as a 180x180 opaque PNG, for home screens. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteSettings } from '../../views/catalog.ts';
import { brandLogo, touchIcon, touchIconPng } from '../../build/brand.ts';

export const getStaticPaths = (async () => {
  const logo = brandLogo(await siteSettings());
  if (!logo) return [];
  const { cacheKey } = touchIcon(logo);
  return [{ params: { hash: logo.hash }, cacheKey }];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async () => {
  const logo = brandLogo(await siteSettings());
  if (!logo) return new Response(null, { status: 404 });
  return new Response(new Uint8Array(touchIconPng(logo)), {
    headers: { 'Content-Type': 'image/png' },
  });
};
