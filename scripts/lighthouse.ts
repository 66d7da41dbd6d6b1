/**
 * `npm run lighthouse [dir]`: Lighthouse (mobile defaults) on a built site served on
 * 127.0.0.1 with its _headers, for the course page, the catalog, an instructor page and the
 * search page. Prints the category scores, agentic browsing included.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { BROWSER_ARGS, browserExecutable } from '../tests/helpers/browser.ts';

const siteDir = path.resolve(process.argv[2] ?? 'dist');
const port = 4610;
const base = `http://127.0.0.1:${port}`;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo', 'agentic-browsing'];

const firstSubfolder = (folder: string) =>
  readdirSync(path.join(siteDir, folder), { withFileTypes: true }).find((entry) => entry.isDirectory() && entry.name !== 'page')?.name;
const pages = {
  course: `/courses/${firstSubfolder('courses')}/`,
  catalog: '/courses/',
  instructor: `/instructors/${firstSubfolder('instructors')}/`,
  search: '/search/',
};

const server = spawn(process.execPath, [path.join(import.meta.dirname, 'serve.ts'), siteDir, String(port)], { stdio: 'ignore' });
await new Promise((resolve) => setTimeout(resolve, 800));
const chrome = await chromeLauncher.launch({
  chromePath: await browserExecutable(),
  chromeFlags: ['--headless', ...BROWSER_ARGS],
});

const rows: string[] = [];
try {
  for (const [name, urlPath] of Object.entries(pages)) {
    const result = await lighthouse(`${base}${urlPath}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
    const categories = result?.lhr.categories ?? {};
    const score = (id: string) => {
      const value = categories[id]?.score;
      return value === null || value === undefined ? '–' : String(Math.round(value * 100));
    };
    rows.push(`| ${name} | ${urlPath} | ${CATEGORIES.map(score).join(' | ')} |`);
    const failing = Object.values(result?.lhr.audits ?? {}).filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'manual');
    if (failing.length > 0) console.error(`${name}: below 100 on ${failing.map((audit) => audit.id).join(', ')}`);
  }
} finally {
  chrome.kill();
  server.kill();
}
console.log(`| page | path | ${CATEGORIES.join(' | ')} |`);
console.log(`| --- | --- | ${CATEGORIES.map(() => '---:').join(' | ')} |`);
console.log(rows.join('\n'));
