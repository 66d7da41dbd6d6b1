/** `/admin/<hash>.wasm`: the WebAssembly of the image optimiser decap-cms.js loads when an image is uploaded. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { decapChunks, decapFileResponse } from './_decap-dist.ts';

export const getStaticPaths = (() =>
  decapChunks()
    .filter((name) => name.endsWith('.wasm'))
    .map((name) => ({
      params: { wasm: name.slice(0, -'.wasm'.length) },
      // As for the chunks: the bytes change only with decap-cms's version, in the lock file.
      cacheKey: name,
    }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => decapFileResponse(`${params['wasm'] ?? ''}.wasm`);
