/** `/brand/logo-<hash>.svg|png`: the provider's logo from content/, for the header, favicon and JSON-LD. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteSettings } from '../../views/catalog.ts';
import { brandLogo } from '../../build/brand.ts';

export const getStaticPaths = (async () => {
  const logo = brandLogo(await siteSettings());
  // The hash in the name is the key: the file is served again exactly when it changes.
  return logo ? [{ params: { file: logo.fileName }, cacheKey: logo.fileName }] : [];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async () => {
  const logo = brandLogo(await siteSettings());
  if (!logo) return new Response(null, { status: 404 });
  return new Response(new Uint8Array(logo.bytes), { headers: { 'Content-Type': logo.type } });
};
