/**
 * `/admin/<n>.decap-cms.js`: the chunks decap-cms.js loads on demand from its own folder.
 * The route ends in `.js` so that it is a file in the dev server as in the build (a route
 * without an extension would want a trailing slash).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { decapChunks, decapFileResponse } from './_decap-dist.ts';

export const getStaticPaths = (() =>
  decapChunks()
    .filter((name) => name.endsWith('.js'))
    // A chunk's bytes change only with decap-cms's version, which is in the lock file; Astro's
    // incremental build starts afresh when the lock file changes, so the name is the key.
    .map((name) => ({
      params: { chunk: name.slice(0, -'.js'.length) },
      cacheKey: name,
    }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => decapFileResponse(`${params['chunk'] ?? ''}.js`);
