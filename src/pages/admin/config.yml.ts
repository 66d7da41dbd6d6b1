/**
 * `/admin/config.yml`: Decap's configuration, generated from the zod schemas on every build
 * (and every request in development) by src/admin/decap-config.ts, so the admin's forms
 * follow the schemas; the production backend is `cms` in content/site.yaml. DECAP_SERVER_PORT
 * moves the local backend off its default port, 8081.
 */
import type { APIRoute } from 'astro';
import { stringify } from 'yaml';
import { DEFAULT_PROXY_PORT, decapConfig, proxyUrl } from '../../admin/decap-config.ts';
import { resolveContentDir } from '../../collections/validation/load-content.ts';
import { readSiteSettings } from '../../collections/validation/site-settings.ts';
import { decapProxyPort } from '../../process/environment.ts';

export const GET: APIRoute = ({ site }) => {
  const port = decapProxyPort(DEFAULT_PROXY_PORT);
  // Read from the file, as astro.config.mjs does: this route also serves the admin in tests.
  const { cms } = readSiteSettings(resolveContentDir());
  const config = decapConfig({
    cms,
    proxyUrl: proxyUrl(port),
    ...(site ? { siteUrl: site.href.replace(/\/$/, '') } : {}),
  });
  const header =
    '# Generated from src/collections/schemas/ by src/admin/decap-config.ts. Do not edit.\n';
  return new Response(header + stringify(config, { lineWidth: 0 }), {
    headers: { 'Content-Type': 'text/yaml; charset=utf-8' },
  });
};
