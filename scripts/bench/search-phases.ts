/**
 * `node scripts/bench/search-phases.ts <built site> [runs]`: times Pagefind's phases on a built
 * site, for #23's question whether the search index can be made cheaper, and whether its write
 * phase is the floor of a one-course edit. Two ways to feed the same records:
 *   html    addDirectory over the searchable pages Astro wrote (what the build does);
 *   custom  addCustomRecord with the records Pagefind itself extracted from those pages (read
 *           back from the built index's fragments), i.e. the cheapest any feed from the course
 *           views could be, since it skips reading and parsing HTML altogether.
 * Each run writes to a scratch folder; nothing in the site changes.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';

const [siteDir, runsArg] = process.argv.slice(2);
if (!siteDir) throw new Error('usage: node scripts/bench/search-phases.ts <built site> [runs]');
const runs = Number(runsArg ?? 3);
const glob = '{courses/*,instructors/*,providers/*}/index.html';

interface FragmentRecord {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

async function fragments(): Promise<FragmentRecord[]> {
  const dir = path.join(siteDir!, 'pagefind', 'fragment');
  const records: FragmentRecord[] = [];
  for (const name of (await readdir(dir)).sort()) {
    // A fragment is gzip of "pagefind_dcd" followed by the JSON of the page's record.
    const text = gunzipSync(await readFile(path.join(dir, name))).toString('utf8');
    records.push(JSON.parse(text.slice('pagefind_dcd'.length)) as FragmentRecord);
  }
  return records;
}

const seconds = (from: number) => (performance.now() - from) / 1000;

async function timeRun(feed: 'html' | 'custom', records: FragmentRecord[]) {
  const out = await mkdtemp(path.join(tmpdir(), 'search-phases-'));
  const started = performance.now();
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error('Pagefind did not start');
  const created = seconds(started);
  const adding = performance.now();
  let pages: number;
  if (feed === 'html') {
    pages = (await index.addDirectory({ path: siteDir!, glob })).page_count;
  } else {
    await Promise.all(
      records.map((record) =>
        index.addCustomRecord({
          url: record.url,
          content: record.content,
          language: 'en-US',
          meta: record.meta,
          filters: record.filters,
        }),
      ),
    );
    pages = records.length;
  }
  const added = seconds(adding);
  const writing = performance.now();
  await index.writeFiles({ outputPath: out });
  const written = seconds(writing);
  await pagefind.close();
  await rm(out, { recursive: true, force: true });
  return { feed, pages, created, added, written, total: seconds(started) };
}

const records = await fragments();
const rows = [];
for (let run = 0; run < runs; run++)
  for (const feed of ['html', 'custom'] as const) rows.push(await timeRun(feed, records));
console.log('| feed | pages | start | add | write | total |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows)
  console.log(
    `| ${r.feed} | ${r.pages} | ${r.created.toFixed(2)} | ${r.added.toFixed(2)} | ${r.written.toFixed(2)} | ${r.total.toFixed(2)} |`,
  );
