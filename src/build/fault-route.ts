/**
 * A page that pauses at the `rendering` fault point (fault-point.ts). The integration adds it
 * only when a test asks for that point, so a build can be stopped while Astro renders pages:
 * the other pages go on rendering into the output and the incremental cache around it, and the
 * build cannot reach the end (where Astro writes its manifest) until the test lets it go.
 */
import { faultPoint } from './fault-point.ts';

export const prerender = true;

export async function GET(): Promise<Response> {
  await faultPoint('rendering');
  return new Response('paused\n');
}
