/** axe-core (WCAG 2.2 AA rules) on every page of the site: the sitemap's pages plus those it leaves out. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

for (const scheme of ['light', 'dark'] as const) {
  test(`every page has no axe violations in the ${scheme} scheme`, async ({ browser, baseURL }) => {
    test.setTimeout(300_000);
    const context = await browser.newContext();
    const page = await context.newPage();
    const sitemap = await (await page.request.get('/sitemap-0.xml')).text();
    const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map(
      (match) => new URL(match[1]!).pathname,
    );
    paths.push('/404.html');
    expect(paths.length).toBeGreaterThan(10);

    const failures: string[] = [];
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of paths) {
      await page.goto(new URL(path, baseURL).href);
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      for (const violation of results.violations) {
        failures.push(
          `${path}: ${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
        );
      }
    }
    await context.close();
    expect(failures).toEqual([]);
  });
}
