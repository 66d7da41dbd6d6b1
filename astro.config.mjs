// @ts-check
import { defineConfig } from 'astro/config';
import { ceCourseSite } from './src/build/integration.ts';

// Every option, MDX, the sitemap, the security headers and the build's own steps are set by the
// site's integration (src/build/integration.ts), in the order they must run.
export default defineConfig({ integrations: [ceCourseSite()] });
