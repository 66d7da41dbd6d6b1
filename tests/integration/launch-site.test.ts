/**
 * A site ready to launch (tests/fixtures/launch over base: a brand, two pages, contact details,
 * a GitHub CMS backend, a renamed course), built as a provider would build it: the pages and
 * their links, the brand in the stylesheet and the header, the publisher in the footer and the
 * JSON-LD, the admin's backend, the redirects of the renamed course, every page valid HTML by
 * the W3C checker; and `npm run check -- --launch` passes on it and fails on the real content.
 */
import { Resvg } from '@resvg/resvg-js';
import { load } from 'cheerio';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, runScript, type BuiltSite } from '../helpers/build.ts';
import { contentWithOverlay, repoRoot } from '../helpers/fixtures.ts';

const VNU_JAR = path.join(repoRoot, 'node_modules/vnu-jar/build/dist/vnu.jar');

describe('a launched site', () => {
  let site: BuiltSite;
  let contentDir: string;

  beforeAll(async () => {
    contentDir = await contentWithOverlay('launch');
    site = buildSite(contentDir, '2021-02-01T12:00:00Z');
  });

  it('publishes each provider page at /<slug>/, linked from every page where its nav says', () => {
    const privacy = load(site.read('privacy/index.html'));
    expect(privacy('h1').text()).toBe('Privacy policy');
    expect(privacy('main[data-pagefind-body]').length).toBe(1);
    for (const page of ['index.html', 'courses/fixture-course/index.html', 'search/index.html']) {
      const $ = load(site.read(page));
      expect($('header nav a[href="/accessibility/"]').text(), page).toBe(
        'Accessibility statement',
      );
      expect($('footer nav a[href="/privacy/"]').text(), page).toBe('Privacy policy');
      expect($('header a[href="/privacy/"]').length, page).toBe(0);
    }
    const sitemap = site.read('sitemap-0.xml');
    expect(sitemap).toContain('https://courses.praxis-fixture.org/privacy/');
    expect(sitemap).toContain('https://courses.praxis-fixture.org/accessibility/');
    expect(sitemap).not.toContain('mentalizing-2020');
  });

  it('indexes the pages for search beside the course and the instructor', () => {
    expect(site.run.stdout).toContain('Search index: 4 pages');
  });

  it('shows the logo with the site name as its text, and the brand colour in both schemes', () => {
    const $ = load(site.read('index.html'));
    const logo = $('header a.brand img');
    expect(logo.attr('alt')).toBe('Praxis CET');
    expect(logo.attr('src')).toMatch(/^\/brand\/logo-[0-9a-f]{10}\.svg$/);
    expect([logo.attr('width'), logo.attr('height')]).toEqual(['160', '40']);
    expect(site.read(logo.attr('src')!)).toContain('<svg');
    expect($('link[rel="icon"]').attr('href')).toBe(logo.attr('src'));
    const stylesheets = $('link[rel="stylesheet"]');
    expect(stylesheets.length).toBe(1);
    const css = site.read(stylesheets.attr('href')!);
    expect(css).toContain('--color-accent:#7a1f5c');
    expect(css).toMatch(/prefers-color-scheme:\s*dark\)\{:root\{--color-accent:#ae769c/);
  });

  it('links a 180x180 touch icon drawn from the SVG logo, on every page', () => {
    const logo = load(site.read('index.html'))('header a.brand img').attr('src')!;
    const hash = /logo-([0-9a-f]{10})\.svg$/.exec(logo)![1];
    for (const page of ['index.html', 'courses/fixture-course/index.html', 'privacy/index.html']) {
      const touch = load(site.read(page))('link[rel="apple-touch-icon"]');
      expect(touch.attr('href'), page).toBe(`/brand/touch-icon-${hash}.png`);
      expect(touch.attr('sizes'), page).toBe('180x180');
    }
    const png = readFileSync(path.join(site.outDir, 'brand', `touch-icon-${hash}.png`));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([180, 180]);
  });

  it('draws the logo on the course’s social image, left of the site name', () => {
    const $ = load(site.read('courses/fixture-course/index.html'));
    const image = new URL($('meta[property="og:image"]').attr('content')!).pathname;
    const png = readFileSync(path.join(site.outDir, image));
    const href = `data:image/png;base64,${png.toString('base64')}`;
    // Decoded by drawing it at its own size: the logo's purple square where a card without a
    // brand has only its background.
    const rgba = new Resvg(
      `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"><image width="1200" height="630" href="${href}"/></svg>`,
    ).render().pixels;
    const at = (60 * 1200 + 86) * 4;
    expect([...rgba.subarray(at, at + 3)]).toEqual([0x7a, 0x1f, 0x5c]);
  });

  it('names the publisher’s address, e-mail and phone in the footer and the Organization', () => {
    const $ = load(site.read('index.html'));
    const footer = $('footer address');
    expect(footer.text()).toContain('1 Main Street, Boston, MA 02108');
    expect(footer.find('a[href="mailto:ce@praxis-fixture.org"]').length).toBe(1);
    expect(footer.find('a[href="tel:+15550100"]').text()).toBe('+1 555 0100');
    const organization = $('script[type="application/ld+json"]')
      .toArray()
      .map((element) => JSON.parse($(element).text()) as Record<string, unknown>)
      .find((data) => data['@type'] === 'Organization');
    expect(organization).toMatchObject({
      email: 'ce@praxis-fixture.org',
      telephone: '+1 555 0100',
      address: '1 Main Street, Boston, MA 02108',
      logo: expect.stringMatching(/^https:\/\/courses\.praxis-fixture\.org\/brand\/logo-/),
    });
  });

  it('points the admin at the GitHub repository', () => {
    const config = parse(site.read('admin/config.yml')) as { backend: unknown };
    expect(config.backend).toEqual({
      name: 'github',
      repo: 'praxis-fixture/courses',
      branch: 'main',
    });
  });

  it('keeps the renamed course’s old address: _redirects and a redirect page', () => {
    expect(site.read('_redirects')).toBe(
      '# Renamed courses (previousSlugs), written by the build.\n' +
        '/courses/mentalizing-2020 /courses/fixture-course/ 301\n' +
        '/courses/mentalizing-2020/ /courses/fixture-course/ 301\n',
    );
    const $ = load(site.read('courses/mentalizing-2020/index.html'));
    expect($('link[rel="canonical"]').attr('href')).toBe(
      'https://courses.praxis-fixture.org/courses/fixture-course/',
    );
    expect($('meta[http-equiv="refresh"]').attr('content')).toBe('0; url=/courses/fixture-course/');
    expect($('script, style, [style]').length).toBe(0);
  });

  it('is valid HTML by the W3C checker, the redirect page and the new pages included', () => {
    const run = spawnSync(
      'java',
      ['-jar', VNU_JAR, '--errors-only', '--skip-non-html', site.outDir],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    expect(run.stderr.trim()).toBe('');
    expect(run.status).toBe(0);
  });

  it('passes the launch check; the real content does not (its URL is a placeholder)', () => {
    const launched = runScript('check', { CONTENT_DIR: contentDir }, ['--launch']);
    expect(launched.status, launched.stderr).toBe(0);
    expect(launched.stdout).toContain('Launch check: nothing left');
    const real = runScript('check', { CONTENT_DIR: path.join(repoRoot, 'content') }, ['--launch']);
    expect(real.status).toBe(1);
    expect(real.stderr).toContain('content/site.yaml › url');
    expect(real.stderr).toMatch(/Launch check: \d+ items left before this site can go live/);
    expect(readdirSync(path.join(repoRoot, 'content'))).not.toContain('pages');
  });

  it('shows a logo replaced under the same file name on every page after the next build, cache kept', async () => {
    const logo = path.join(contentDir, 'brand', 'logo.svg');
    await writeFile(
      logo,
      (await readFile(logo, 'utf8')).replace('</svg>', '<circle r="1"/></svg>'),
    );
    const run = runScript('build', {
      CONTENT_DIR: contentDir,
      OUT_DIR: site.outDir,
      ASTRO_CACHE_DIR: `${site.outDir}-cache`,
      SITE_NOW: '2021-02-01T12:00:00Z',
    });
    expect(run.status, run.stderr).toBe(0);
    const published = readdirSync(path.join(site.outDir, 'brand')).sort();
    expect(published).toHaveLength(2);
    const [logoFile, iconFile] = published;
    expect(iconFile).toBe(logoFile!.replace(/^logo-(\w+)\.svg$/, 'touch-icon-$1.png'));
    for (const page of ['index.html', 'courses/fixture-course/index.html', 'privacy/index.html']) {
      expect(site.read(page), page).toContain(`/brand/${logoFile}`);
      expect(site.read(page), page).toContain(`/brand/${iconFile}`);
    }
  });
});
