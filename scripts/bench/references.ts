/**
 * A micro-benchmark of a cold build's APA references: the references of a generated content
 * folder formatted as the pages did before (one engine call and one cache entry per course)
 * and as the integration does now (each distinct reference once, in one engine call,
 * one cache entry per reference), alternating, in one process, after one warm-up.
 *
 *   npx node scripts/bench/generate-content.ts --count 1000 --out .bench/content-1000 --seed 1
 *   npx node scripts/bench/references.ts .bench/content-1000 3
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { prepareReferences } from '../../src/build/citation-cache.ts';
import { writeEntry } from '../../src/build/verified-entry.ts';
import { readingSchema, type Reading } from '../../src/collections/schemas/reading.ts';
import { formatReferences } from '../../src/domain/citations.ts';

const [contentDir = '.bench/content-1000', reps = '3'] = process.argv.slice(2);
const coursesDir = path.join(contentDir, 'courses');
const lists: Reading[][] = [];
for (const name of (await readdir(coursesDir)).sort()) {
  const front = (await readFile(path.join(coursesDir, name), 'utf8')).split(/^---$/m)[1] ?? '';
  lists.push(readingSchema.array().parse((parse(front) as { readings?: unknown }).readings ?? []));
}

async function perCourse(dir: string): Promise<void> {
  for (const readings of lists) {
    const formatted = await formatReferences(readings);
    const key = createHash('sha256').update(JSON.stringify(readings)).digest('hex').slice(0, 24);
    await writeEntry(path.join(dir, `${key}.json`), key, Buffer.from(JSON.stringify(formatted)));
  }
}

async function timed(label: string, run: (dir: string) => Promise<unknown>): Promise<number> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ce-bench-references-'));
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  await run(dir);
  const spent = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  await rm(dir, { recursive: true, force: true });
  // CPU seconds too: on a shared machine they move less than wall time.
  console.log(
    `${label}: ${spent.toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU`,
  );
  return spent;
}

const references = lists.reduce((sum, readings) => sum + readings.length, 0);
console.log(`${lists.length} courses, ${references} references`);
await formatReferences(lists[0] ?? []);
for (let rep = 1; rep <= Number(reps); rep += 1) {
  // Each run has a new cache folder, so nothing is answered from an earlier run's memory.
  await timed(`rep ${rep} per course (before)`, perCourse);
  await timed(`rep ${rep} batched by reference (after)`, (dir) =>
    prepareReferences(lists, dir, [`bench-${rep}`]),
  );
}
