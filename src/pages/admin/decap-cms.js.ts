/** `/admin/decap-cms.js`: Decap CMS, self-hosted from the npm package (see _decap-dist.ts). */
import type { APIRoute } from 'astro';
import { DECAP_BUNDLE, decapFileResponse } from './_decap-dist.ts';

export const GET: APIRoute = () => decapFileResponse(DECAP_BUNDLE);
