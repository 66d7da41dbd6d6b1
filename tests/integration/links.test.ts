/**
 * No broken link anywhere in a built site (the real content plus the hostile fixtures, whose
 * topics have Arabic and Hebrew slugs): every internal link, stylesheet, script, image and
 * social image leads to a file of the site, every fragment to an id on its page, and the
 * sitemap and feed list only pages that exist. Links to other sites are checked for form only
 * (an absolute http(s), mailto or tel URL), never fetched.
 */
import { load, type CheerioAPI } from 'cheerio';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathInsideRoot } from '../../scripts/site-path.ts';
import { buildSite, type BuiltSite } from '../helpers/build.ts';
import { fixturesDir, repoRoot } from '../helpers/fixtures.ts';

const SITE_URL = new URL('https://courses.example.org/');

/** Where a link is found, as attribute selectors with the attribute holding the URL. */
const LINK_ATTRIBUTES: readonly [selector: string, attribute: string][] = [
  ['a[href]', 'href'],
  ['area[href]', 'href'],
  ['link[href]', 'href'],
  ['img[src]', 'src'],
  ['script[src]', 'src'],
  ['source[src]', 'src'],
  ['iframe[src]', 'src'],
  ['form[action]', 'action'],
  ['meta[property="og:image"]', 'content'],
  ['meta[property="og:url"]', 'content'],
  ['meta[name="twitter:image"]', 'content'],
];

interface Link {
  /** The page the link is on, as a URL path. */
  from: string;
  url: string;
}

class SiteIndex {
  private readonly ids = new Map<string, Set<string>>();
  private readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  /** The file a URL path is served from, as a static host resolves it, or undefined. */
  async fileFor(urlPath: string): Promise<string | undefined> {
    const candidate = pathInsideRoot(this.root, urlPath);
    if (candidate === undefined) return undefined;
    const target = urlPath.endsWith('/') ? path.join(candidate, 'index.html') : candidate;
    const info = await stat(target).catch(() => undefined);
    return info?.isFile() ? target : undefined;
  }

  /** The ids (and anchor names) a page has, read once. */
  async idsOf(file: string): Promise<Set<string>> {
    let ids = this.ids.get(file);
    if (!ids) {
      const $ = load(await readFile(file, 'utf8'));
      ids = new Set([
        ...$('[id]').map((_, element) => $(element).attr('id')),
        ...$('a[name]').map((_, element) => $(element).attr('name')),
      ]);
      this.ids.set(file, ids);
    }
    return ids;
  }
}

function formProblem(url: URL): string | undefined {
  if (url.protocol === 'mailto:' || url.protocol === 'tel:')
    return url.pathname.trim() === '' ? 'has no address' : undefined;
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return `uses the ${url.protocol} scheme`;
  if (!/^[^.\s]+(\.[^.\s]+)+$/.test(url.hostname)) return 'has no proper host name';
  return undefined;
}

/** Why a link is broken, or undefined when it is fine. */
async function linkProblem(index: SiteIndex, link: Link): Promise<string | undefined> {
  const base = new URL(link.from, SITE_URL);
  if (!URL.canParse(link.url, base)) return 'is not a URL';
  const url = new URL(link.url, base);
  if (url.origin !== SITE_URL.origin) return formProblem(url);
  const file = await index.fileFor(url.pathname);
  if (!file) {
    const directory =
      !path.extname(url.pathname) &&
      !url.pathname.endsWith('/') &&
      (await index.fileFor(`${url.pathname}/`));
    return directory
      ? 'leaves out the trailing slash (a redirect on every host)'
      : 'leads to no page or file';
  }
  if (url.hash.length > 1 && file.endsWith('.html')) {
    const fragment = decodeURIComponent(url.hash.slice(1));
    if (!(await index.idsOf(file)).has(fragment))
      return `points at #${fragment}, which ${url.pathname} does not have`;
  }
  if (url.hash === '#') return 'is an empty fragment';
  return undefined;
}

function linksOnPage($: CheerioAPI, from: string): Link[] {
  const links: Link[] = [];
  for (const [selector, attribute] of LINK_ATTRIBUTES) {
    $(selector).each((_, element) => {
      const url = $(element).attr(attribute);
      if (url !== undefined) links.push({ from, url });
    });
  }
  $('img[srcset], source[srcset]').each((_, element) => {
    for (const candidate of ($(element).attr('srcset') ?? '').split(',')) {
      const url = candidate.trim().split(/\s+/)[0];
      if (url) links.push({ from, url });
    }
  });
  return links;
}

async function filesOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function urlPathOf(root: string, file: string): string {
  const relative = path.relative(root, file).split(path.sep).join('/');
  return `/${relative.replace(/(^|\/)index\.html$/, '$1')}`;
}

describe('links in the built site', () => {
  let site: BuiltSite;
  let index: SiteIndex;
  let links: Link[];
  let contentDir: string;

  afterAll(async () => {
    for (const dir of [contentDir, site?.outDir, site && `${site.outDir}-cache`])
      if (dir) await rm(dir, { recursive: true, force: true });
  });

  beforeAll(async () => {
    contentDir = await mkdtemp(path.join(tmpdir(), 'ce-links-content-'));
    await cp(path.join(repoRoot, 'content'), contentDir, { recursive: true });
    await cp(path.join(fixturesDir, 'hostile'), contentDir, { recursive: true });
    await cp(path.join(fixturesDir, 'offerings'), contentDir, { recursive: true });
    site = buildSite(contentDir, '2026-11-30T12:00:00Z');
    index = new SiteIndex(site.outDir);
    links = [];
    for (const file of await filesOf(site.outDir)) {
      const from = urlPathOf(site.outDir, file);
      if (file.endsWith('.html') && !from.startsWith('/pagefind/'))
        links.push(...linksOnPage(load(await readFile(file, 'utf8')), from));
      if (file.endsWith('.xml')) {
        // Sitemaps (<loc>) and the feed (<link>, <guid>): the addresses search engines and readers follow.
        const $ = load(await readFile(file, 'utf8'), { xml: true });
        $('loc, item > link, channel > link').each(
          (_, element) => void links.push({ from, url: $(element).text().trim() }),
        );
        $('atom\\:link[href]').each(
          (_, element) => void links.push({ from, url: $(element).attr('href') ?? '' }),
        );
      }
    }
  });

  it('finds the links of every kind of page', () => {
    expect(links.length).toBeGreaterThan(500);
    expect(links.some((link) => link.from === '/sitemap-0.xml')).toBe(true);
    expect(links.some((link) => link.url.includes('/topics/%D9%86'))).toBe(true);
  });

  it('has no broken internal link or fragment, and no malformed external link', async () => {
    const broken: string[] = [];
    const checked = new Map<string, string | undefined>();
    for (const link of links) {
      const key = `${link.url.startsWith('#') ? link.from : ''} ${link.url}`;
      if (!checked.has(key)) checked.set(key, await linkProblem(index, link));
      const problem = checked.get(key);
      if (problem) broken.push(`${link.from}: ${link.url} ${problem}`);
    }
    expect(broken).toEqual([]);
  });

  it('lists in the sitemap every page that search engines should see, and only those', async () => {
    const listed = new Set(
      links
        .filter((link) => /^\/sitemap-\d+\.xml$/.test(link.from))
        .map((link) => decodeURIComponent(new URL(link.url).pathname)),
    );
    const pages = (await filesOf(site.outDir))
      .filter((file) => file.endsWith('.html'))
      .map((file) => urlPathOf(site.outDir, file));
    const indexable = [];
    for (const page of pages) {
      const $ = load(
        await readFile(
          path.join(site.outDir, page.endsWith('/') ? `${page}index.html` : page),
          'utf8',
        ),
      );
      if (
        $('meta[name="robots"][content*="noindex"]').length === 0 &&
        !page.startsWith('/pagefind/')
      )
        indexable.push(page);
    }
    expect([...listed].sort()).toEqual(indexable.sort());
  });
});

describe('the link checker', () => {
  it('reports a missing page, a missing fragment, a missing slash and a malformed external link', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'ce-links-'));
    await mkdir(path.join(root, 'a'), { recursive: true });
    await writeFile(path.join(root, 'a/index.html'), '<h2 id="here">Here</h2>');
    const checker = new SiteIndex(root);
    const problem = (url: string) => linkProblem(checker, { from: '/a/', url });
    expect(await problem('/a/')).toBeUndefined();
    expect(await problem('#here')).toBeUndefined();
    expect(await problem('/a/#here')).toBeUndefined();
    expect(await problem('https://courses.example.org/a/')).toBeUndefined();
    expect(await problem('https://www.example.org/x')).toBeUndefined();
    expect(await problem('mailto:info@example.org')).toBeUndefined();
    expect(await problem('/b/')).toBe('leads to no page or file');
    expect(await problem('/a')).toBe('leaves out the trailing slash (a redirect on every host)');
    expect(await problem('#gone')).toBe('points at #gone, which /a/ does not have');
    expect(await problem('https://localhost/x')).toBe('has no proper host name');
    expect(await problem('ftp://example.org/x')).toBe('uses the ftp: scheme');
    expect(await problem('/../../etc/passwd')).toBe('leads to no page or file');
    await rm(root, { recursive: true, force: true });
  });
});
