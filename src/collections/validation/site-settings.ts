/** Reads the site settings alone, for astro.config.mjs, which needs the site URL before any content is loaded. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { siteSchema, type SiteSettings } from '../schemas/site.ts';
import { formatReport } from './problems.ts';
import { decodeUtf8, parseSource } from './source-file.ts';
import { problemsFromIssues } from './zod-issues.ts';

export function readSiteSettings(contentDir: string): SiteSettings {
  const absolutePath = path.join(contentDir, 'site.yaml');
  const file = path.relative(process.cwd(), absolutePath) || absolutePath;
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolutePath);
  } catch {
    throw new Error(
      formatReport([
        {
          file,
          field: '',
          message: 'The site settings file is missing.',
          fix: 'Create content/site.yaml with name, url, description and organization.',
        },
      ]),
    );
  }
  const decoded = decodeUtf8(bytes, file);
  if (!decoded.ok) throw new Error(formatReport(decoded.problems));
  const parsed = parseSource(decoded.text, file, false);
  if (!parsed.ok) throw new Error(formatReport(parsed.problems));
  const result = siteSchema.safeParse(parsed.source.data, { reportInput: true });
  if (!result.success) {
    throw new Error(
      formatReport(
        problemsFromIssues(
          result.error.issues,
          siteSchema,
          parsed.source.data,
          file,
          parsed.source.lineOf,
        ),
      ),
    );
  }
  return result.data;
}

/**
 * A digest of the logo's bytes, or undefined without a brand. Every page shows the logo by a
 * file name that carries this digest, so it belongs in what their cache keys are made of: a
 * logo replaced under the same name must render every page again.
 */
export function logoDigest(
  site: Pick<SiteSettings, 'brand'>,
  contentDir: string,
): string | undefined {
  if (!site.brand) return undefined;
  const bytes = readFileSync(path.join(contentDir, site.brand.logo));
  return createHash('sha256').update(bytes).digest('hex');
}
