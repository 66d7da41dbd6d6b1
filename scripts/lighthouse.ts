/**
 * `npm run lighthouse [dir] [-- --runs N]`: Lighthouse (mobile defaults) on a built site served
 * on 127.0.0.1 with its _headers, for the home page, a course page, the catalog, the search
 * page, a profession page and an instructor page, N times each (3 by default). Prints the
 * median of each category's scores, agentic browsing included, and the runs' performance scores.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { BROWSER_ARGS, browserExecutable } from '../tests/helpers/browser.ts';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Math.max(1, Number(args[runsAt + 1]) || 3) : 3;
const siteDir = path.resolve(
  args.find((arg, index) => !arg.startsWith('--') && index !== runsAt + 1) ?? 'dist',
);
const port = 4610;
const base = `http://127.0.0.1:${port}`;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo', 'agentic-browsing'];

const firstSubfolder = (folder: string) =>
  readdirSync(path.join(siteDir, folder), { withFileTypes: true }).find(
    (entry) => entry.isDirectory() && entry.name !== 'page',
  )?.name;
const pages = {
  home: '/',
  course: `/courses/${firstSubfolder('courses')}/`,
  catalog: '/courses/',
  search: '/search/',
  profession: `/professions/${firstSubfolder('professions')}/`,
  instructor: `/instructors/${firstSubfolder('instructors')}/`,
};
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const server = spawn(
  process.execPath,
  [path.join(import.meta.dirname, 'serve.ts'), siteDir, String(port)],
  { stdio: 'ignore' },
);
await new Promise((resolve) => setTimeout(resolve, 800));
const chrome = await chromeLauncher.launch({
  chromePath: await browserExecutable(),
  chromeFlags: ['--headless', ...BROWSER_ARGS],
});

const rows: string[] = [];
try {
  for (const [name, urlPath] of Object.entries(pages)) {
    const scores = new Map<string, number[]>();
    const failing = new Set<string>();
    for (let run = 0; run < runs; run += 1) {
      const result = await lighthouse(`${base}${urlPath}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: CATEGORIES,
      });
      for (const id of CATEGORIES) {
        const value = result?.lhr.categories[id]?.score;
        if (value !== null && value !== undefined)
          scores.set(id, [...(scores.get(id) ?? []), Math.round(value * 100)]);
      }
      for (const audit of Object.values(result?.lhr.audits ?? {})) {
        if (
          audit.score !== null &&
          audit.score < 1 &&
          audit.scoreDisplayMode !== 'informative' &&
          audit.scoreDisplayMode !== 'manual'
        )
          failing.add(audit.id);
      }
    }
    const score = (id: string) => {
      const values = scores.get(id);
      return values === undefined ? '–' : String(median(values));
    };
    rows.push(
      `| ${name} | ${urlPath} | ${CATEGORIES.map(score).join(' | ')} | ${(scores.get('performance') ?? []).join(', ')} |`,
    );
    if (failing.size > 0)
      console.error(`${name}: below 100 in some run on ${[...failing].join(', ')}`);
  }
} finally {
  chrome.kill();
  server.kill();
}
console.log(`| page | path | ${CATEGORIES.join(' | ')} | performance runs |`);
console.log(`| --- | --- | ${CATEGORIES.map(() => '---:').join(' | ')} | --- |`);
console.log(rows.join('\n'));
