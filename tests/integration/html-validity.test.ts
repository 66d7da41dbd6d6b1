/**
 * Every page of a site built from the real content plus the hostile fixtures
 * (tests/fixtures/hostile: a 1 MB body, right-to-left titles, emoji, a 300-character word,
 * 200 sessions, 50 readings, an instructor without a photo) is valid HTML by the W3C Nu HTML
 * Checker and by html-validate's recommended rules, and holds nothing the
 * Content-Security-Policy would block.
 *
 * .htmlvalidate.json turns off two recommended rules that do not apply to generated pages:
 * `no-trailing-whitespace` (the markup's layout is Astro's, not an author's) and `long-title`
 * (titles come from content, which allows 200-character course titles; search engines shorten
 * long titles, they do not reject them).
 */
import { load } from 'cheerio';
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroCsp } from '../../src/build/security.ts';
import { isExternalLink } from '../../src/collections/validation/html-policy.ts';
import { buildSite, type BuiltSite } from '../helpers/build.ts';
import { fixturesDir, repoRoot } from '../helpers/fixtures.ts';

const VNU_JAR = path.join(repoRoot, 'node_modules/vnu-jar/build/dist/vnu.jar');
const SITE_URL = 'https://courses.example.org';

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

describe('the built HTML', () => {
  let site: BuiltSite;
  let pages: string[];
  let contentDir: string;

  beforeAll(async () => {
    contentDir = await mkdtemp(path.join(tmpdir(), 'ce-hostile-content-'));
    await cp(path.join(repoRoot, 'content'), contentDir, { recursive: true });
    await cp(path.join(fixturesDir, 'hostile'), contentDir, { recursive: true });
    await cp(path.join(fixturesDir, 'ce'), contentDir, { recursive: true });
    await cp(path.join(fixturesDir, 'offerings'), contentDir, { recursive: true });
    site = buildSite(contentDir, '2026-11-30T12:00:00Z');
    pages = await htmlFiles(site.outDir);
  });

  afterAll(async () => {
    for (const dir of [contentDir, site?.outDir, site && `${site.outDir}-cache`])
      if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('includes the hostile pages', () => {
    const relative = pages.map((file) => path.relative(site.outDir, file));
    for (const slug of [
      'huge-body',
      'arabic-title',
      'hebrew-title',
      'emoji-course',
      'long-word',
      'two-hundred-sessions',
      'fifty-readings',
      'mdx-links',
    ]) {
      expect(relative).toContain(path.join('courses', slug, 'index.html'));
    }
    expect(relative).toContain(path.join('instructors', 'noor-haddad', 'index.html'));
  });

  it('passes the W3C Nu HTML Checker with no errors', () => {
    // One JVM for every page: starting Java is most of the cost. A deep stack is needed by its schema code.
    const run = spawnSync(
      'java',
      [
        '-Xss16m',
        '-jar',
        VNU_JAR,
        '--format',
        'json',
        '--errors-only',
        '--skip-non-html',
        site.outDir,
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 300_000 },
    );
    if (run.error)
      throw new Error(
        `Could not run the Nu HTML Checker (is Java installed?): ${run.error.message}`,
      );
    // vnu writes its JSON report to stderr; anything that is not JSON means it did not check.
    const output = run.stderr.trim() || run.stdout.trim();
    let report: { messages: VnuMessage[] };
    try {
      report = JSON.parse(output) as { messages: VnuMessage[] };
    } catch {
      throw new Error(
        `The Nu HTML Checker did not report (exit ${run.status}):\n${output.slice(0, 2000)}`,
      );
    }
    const errors = report.messages
      .filter((message) => message.type !== 'info')
      .map(
        (message) =>
          `${path.relative(site.outDir, (message.url ?? '').replace(/^file:/, ''))}:${message.lastLine ?? '?'} ${message.message} ${JSON.stringify(message.extract ?? '')}`,
      );
    expect(errors).toEqual([]);
  });

  it('passes html-validate’s recommended rules', async () => {
    const config = JSON.parse(
      await readFile(path.join(repoRoot, '.htmlvalidate.json'), 'utf8'),
    ) as ConfigData;
    const validator = new HtmlValidate(new StaticConfigLoader(config));
    const problems: string[] = [];
    for (const file of pages) {
      const report = await validator.validateFile(file);
      for (const result of report.results) {
        for (const message of result.messages)
          problems.push(
            `${path.relative(site.outDir, file)}:${message.line} ${message.ruleId}: ${message.message}`,
          );
      }
    }
    expect(problems).toEqual([]);
  });

  it('holds no inline script, inline style or event handler that the CSP would block', async () => {
    const problems: string[] = [];
    for (const file of pages) {
      const $ = load(await readFile(file, 'utf8'));
      const where = path.relative(site.outDir, file);
      $('script:not([src])').each((_, element) => {
        if ($(element).attr('type') !== 'application/ld+json')
          problems.push(`${where}: inline <script> ${$(element).html()?.slice(0, 60)}`);
      });
      if ($('style').length > 0) problems.push(`${where}: ${$('style').length} <style> elements`);
      $('[style]').each(
        (_, element) => void problems.push(`${where}: style attribute on <${element.tagName}>`),
      );
      $('*').each((_, element) => {
        for (const name of Object.keys($(element).attr() ?? {})) {
          if (name.startsWith('on'))
            problems.push(
              `${where}: ${name} attribute on <${$(element).prop('tagName')?.toLowerCase()}>`,
            );
        }
      });
      $('[href^="javascript:" i], [src^="javascript:" i]').each(
        () => void problems.push(`${where}: javascript: URL`),
      );
      $('link[rel="stylesheet"]').each((_, element) => {
        if (!$(element).attr('href')?.startsWith('/'))
          problems.push(`${where}: stylesheet from elsewhere: ${$(element).attr('href')}`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('repeats the policy in a meta element on every page, which hosts without header support still apply', async () => {
    const expected = astroCsp().directives;
    for (const file of pages.filter((page) => !page.includes(`${path.sep}admin${path.sep}`))) {
      const $ = load(await readFile(file, 'utf8'));
      const policy = $('meta[http-equiv="content-security-policy"]').attr('content') ?? '';
      for (const directive of expected)
        expect(policy.replace(/\s*;\s*/g, ';'), path.relative(site.outDir, file)).toContain(
          directive,
        );
      expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
      expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|frame-ancestors/);
    }
  });

  it('gives every link to another site in content rel="noopener noreferrer"', async () => {
    const problems: string[] = [];
    for (const file of pages) {
      const $ = load(await readFile(file, 'utf8'));
      $('main a[href]').each((_, element) => {
        const href = $(element).attr('href') ?? '';
        const rel = ($(element).attr('rel') ?? '').split(/\s+/);
        if (
          isExternalLink(href, SITE_URL) &&
          !(rel.includes('noopener') && rel.includes('noreferrer'))
        ) {
          problems.push(`${path.relative(site.outDir, file)}: ${href}`);
        }
      });
    }
    expect(problems).toEqual([]);
  });

  it('gives links in MDX bodies the same rel as links in Markdown bodies', () => {
    const $ = load(site.read('courses/mdx-links/index.html'));
    const links = $('main a[href]')
      .toArray()
      .map((element) => [$(element).attr('href'), $(element).attr('rel') ?? null]);
    expect(links).toEqual(
      expect.arrayContaining([
        ['https://www.example.org/ethics', 'noopener noreferrer'],
        ['/courses/', null],
        ['https://courses.example.org/', null],
      ]),
    );
  });

  it('publishes the headers file for the host', async () => {
    expect(site.read('_headers')).toBe(
      await readFile(path.join(repoRoot, 'public/_headers'), 'utf8'),
    );
  });
});
