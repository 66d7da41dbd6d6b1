/**
 * A branded site (tests/fixtures/launch over base), built and served by this file on the next
 * port: the header logo and the brand colour in both colour schemes, with axe on the pages the
 * brand touches, and the redirect page of a renamed course taking the browser to the course.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { buildSite } from '../helpers/build.ts';
import { contentWithOverlay, repoRoot } from '../helpers/fixtures.ts';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PORT = Number(process.env['E2E_PORT'] ?? 4399) + 1;
const BASE = `http://127.0.0.1:${PORT}`;
/** The brand colour of the fixture, and the dark-scheme colour derived from it. */
const BRAND = { light: 'rgb(122, 31, 92)', dark: 'rgb(174, 118, 156)' };

test.describe.configure({ mode: 'serial' });
let server: ChildProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const site = buildSite(await contentWithOverlay('launch'), '2021-02-01T12:00:00Z');
  server = spawn(
    process.execPath,
    [path.join(repoRoot, 'scripts/serve.ts'), site.outDir, String(PORT)],
    {
      stdio: 'ignore',
    },
  );
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (
      await fetch(`${BASE}/`).then(
        (response) => response.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the branded site did not start');
});

test.afterAll(() => {
  server?.kill();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the logo and the brand colour in the ${scheme} scheme pass axe`, async ({ browser }) => {
    const context = await browser.newContext({ baseURL: BASE, colorScheme: scheme });
    const page = await context.newPage();
    await page.goto('/courses/fixture-course/');
    const logo = page.getByRole('banner').getByRole('link', { name: 'Praxis CET' }).locator('img');
    await expect(logo).toBeVisible();
    expect(
      await logo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0),
    ).toBe(true);
    const link = page.locator('main a[href^="/topics/"]').first();
    await expect(link).toHaveCSS('color', BRAND[scheme]);
    const failures: string[] = [];
    for (const target of ['/', '/courses/fixture-course/', '/privacy/', '/accessibility/']) {
      await page.goto(target);
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      for (const violation of results.violations)
        failures.push(
          `${target}: ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
        );
    }
    await context.close();
    expect(failures).toEqual([]);
  });
}

test('the old address of a renamed course leads to the course', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: BASE, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/courses/mentalizing-2020/');
  await page.waitForURL('**/courses/fixture-course/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fixture Course on Mentalizing');
  await context.close();
});
