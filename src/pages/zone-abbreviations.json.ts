/**
 * tzdata's zone abbreviations as data, for the course page's script: it fetches them only for
 * a reader or course zone that Intl names by its offset alone ("GMT+11" where readers say
 * AEDT), so most readers never load them and the page's JavaScript stays small.
 */
import type { APIRoute } from 'astro';
import { ZONE_ABBREVIATIONS } from '../domain/time/zone-abbreviations.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(ZONE_ABBREVIATIONS), {
    headers: { 'Content-Type': 'application/json' },
  });
