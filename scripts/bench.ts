/**
 * `npm run bench`: how build time and memory grow with the number of courses, against a bare
 * Astro site over the same files. For each size N, on one generated content folder:
 *
 *   build cold   scripts/build.ts with an empty ASTRO_CACHE_DIR (validate, Astro, Pagefind, swap)
 *   build warm   the same again, cache kept
 *   1 edit       the same after changing one course's body, cache kept
 *   baseline     scripts/bench/baseline: glob loader, no validation, one bare page per course
 *                (cold: empty cache; warm: cache kept)
 *   check        scripts/check.ts alone
 *
 * Flags: --sizes 10,100,1000,5000  --runs 3  --seed 1  --quick (sizes 10,100, one run).
 * Everything is written under .bench/; the results also go to .bench/results-<date>.json.
 */
import { readdir, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateContent } from './bench/generate-content.ts';
import { measure, type Measurement } from './bench/measure.ts';
import { phasesOf, type Phases } from './bench/phases.ts';
import { cpuByKind, THREAD_KINDS } from './bench/threads.ts';

const root = path.resolve(import.meta.dirname, '..');
const benchDir = path.join(root, '.bench');
const baselineRoot = path.join(root, 'scripts/bench/baseline');
const astroCli = path.join(root, 'node_modules/astro/bin/astro.mjs');
// Pinned, so course status ("upcoming", "past") and publishing are the same on every run.
const SITE_NOW = '2025-06-01T12:00:00Z';

const STEPS = [
  'buildCold',
  'buildWarm',
  'buildEdit',
  'baselineCold',
  'baselineWarm',
  'check',
] as const;
type Step = (typeof STEPS)[number];

interface SizeResult {
  courses: number;
  generateSeconds: number;
  runs: Record<Step, Measurement[]>;
  median: Record<Step, { seconds: number; cpuSeconds: number; peakRssBytes: number } | null>;
  distBytes: number | null;
  pagefindBytes: number | null;
  baselineDistBytes: number | null;
  /** Median seconds of each phase of the project's builds, as the builds print them. */
  phases: Partial<Record<BuildStep, Phases>>;
  failures: string[];
}

const BUILD_STEPS = ['buildCold', 'buildWarm', 'buildEdit'] as const;
type BuildStep = (typeof BUILD_STEPS)[number];
// "social images" is only the start of their drawing, which runs on worker threads alongside
// "references" and "bundle and pages" (whose end waits for the last card).
const PHASES = [
  'validation',
  'content sync',
  'social images',
  'references',
  'bundle and pages',
  'search index',
];

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10,100,1000,5000' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    quick: { type: 'boolean', default: false },
  },
});
const sizes = (values.quick ? '10,100' : values.sizes)
  .split(',')
  .map((size) => Number(size.trim()));
const runs = values.quick ? 1 : Number(values.runs);
const seed = Number(values.seed);
if (
  sizes.some((size) => !Number.isInteger(size) || size < 1) ||
  !Number.isInteger(runs) ||
  runs < 1
) {
  console.error('Usage: npm run bench -- [--sizes 10,100,1000] [--runs 3] [--seed 1] [--quick]');
  process.exit(2);
}

const log = (message: string) => process.stderr.write(`${message}\n`);

async function directoryBytes(dir: string): Promise<number | null> {
  try {
    let total = 0;
    for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
    }
    return total;
  } catch {
    return null;
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

async function benchSize(courses: number): Promise<SizeResult> {
  const contentDir = path.join(benchDir, `content-${courses}`);
  const projectCache = path.join(benchDir, 'cache', `project-${courses}`);
  const projectOut = path.join(benchDir, 'out', `project-${courses}`);
  const baselineCache = path.join(benchDir, 'cache', `baseline-${courses}`);
  const baselineOut = path.join(benchDir, 'out', `baseline-${courses}`);

  const generateStarted = performance.now();
  await generateContent({ dir: contentDir, count: courses, seed });
  const generateSeconds = (performance.now() - generateStarted) / 1000;
  log(`\n${courses} courses: generated in ${generateSeconds.toFixed(1)} s`);

  const env = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    SITE_NOW,
    ...extra,
  });
  const projectEnv = env({
    CONTENT_DIR: contentDir,
    OUT_DIR: projectOut,
    ASTRO_CACHE_DIR: projectCache,
  });
  const baselineEnv = env({
    BENCH_CONTENT_DIR: contentDir,
    BENCH_OUT_DIR: baselineOut,
    BENCH_CACHE_DIR: baselineCache,
  });
  const build = () =>
    measure(process.execPath, [path.join(root, 'scripts/build.ts')], {
      cwd: root,
      env: projectEnv,
    });
  const baseline = () =>
    measure(process.execPath, [astroCli, 'build', '--root', baselineRoot], {
      cwd: root,
      env: baselineEnv,
    });
  const check = () =>
    measure(process.execPath, [path.join(root, 'scripts/check.ts')], {
      cwd: root,
      env: projectEnv,
    });

  const courseFiles = (await readdir(path.join(contentDir, 'courses'))).sort();
  const edited = path.join(contentDir, 'courses', courseFiles[courseFiles.length >> 1] as string);

  const result: SizeResult = {
    courses,
    generateSeconds,
    runs: {
      buildCold: [],
      buildWarm: [],
      buildEdit: [],
      baselineCold: [],
      baselineWarm: [],
      check: [],
    },
    median: {
      buildCold: null,
      buildWarm: null,
      buildEdit: null,
      baselineCold: null,
      baselineWarm: null,
      check: null,
    },
    distBytes: null,
    pagefindBytes: null,
    baselineDistBytes: null,
    phases: {},
    failures: [],
  };
  const record = (step: Step, run: number, measurement: Measurement) => {
    result.runs[step].push(measurement);
    const memory = `${(measurement.peakRssBytes / 2 ** 20).toFixed(0)} MiB`;
    const summary = `${measurement.seconds.toFixed(2)} s wall, ${measurement.cpuSeconds.toFixed(2)} s CPU, ${memory}`;
    log(
      `  run ${run} ${step.padEnd(12)} ${measurement.ok ? summary : 'FAILED'} (load ${loadavg()[0]?.toFixed(1)})`,
    );
    if (!measurement.ok)
      result.failures.push(
        `${step} (run ${run}):\n${measurement.outputTail.trim().split('\n').slice(-15).join('\n')}`,
      );
    return measurement.ok;
  };

  for (let run = 1; run <= runs; run += 1) {
    await rm(projectCache, { recursive: true, force: true });
    if (record('buildCold', run, await build())) {
      if (result.distBytes === null) {
        result.distBytes = await directoryBytes(projectOut);
        result.pagefindBytes = await directoryBytes(path.join(projectOut, 'pagefind'));
      }
      if (record('buildWarm', run, await build())) {
        const original = await readFile(edited, 'utf8');
        await writeFile(
          edited,
          `${original}\nThis paragraph was added by the rebuild benchmark (run ${run}).\n`,
        );
        try {
          record('buildEdit', run, await build());
        } finally {
          await writeFile(edited, original);
        }
      }
    }
    await rm(baselineCache, { recursive: true, force: true });
    if (record('baselineCold', run, await baseline())) {
      result.baselineDistBytes ??= await directoryBytes(baselineOut);
      record('baselineWarm', run, await baseline());
    }
    record('check', run, await check());
  }

  for (const step of STEPS) {
    const good = result.runs[step].filter((measurement) => measurement.ok);
    if (good.length > 0) {
      result.median[step] = {
        seconds: median(good.map((m) => m.seconds)),
        cpuSeconds: median(good.map((m) => m.cpuSeconds)),
        peakRssBytes: median(good.map((m) => m.peakRssBytes)),
      };
    }
  }
  for (const step of BUILD_STEPS) {
    const printed = result.runs[step]
      .map((measurement) => phasesOf(measurement.outputTail))
      .filter((phases) => phases !== undefined);
    if (printed.length === 0) continue;
    const names = [...new Set(printed.flatMap((phases) => Object.keys(phases)))];
    result.phases[step] = Object.fromEntries(
      names.map((name) => [name, median(printed.map((phases) => phases[name] ?? 0))]),
    );
  }
  return result;
}

// ---------------------------------------------------------------------------------------
// Report

// A step that never ran (because the build before it failed) says so, rather than "failed".
const status = (r: SizeResult, step: Step) => (r.runs[step].length === 0 ? 'skipped' : 'failed');
const seconds = (r: SizeResult, step: Step) =>
  r.median[step]?.seconds.toFixed(2) ?? status(r, step);
const cpu = (r: SizeResult, step: Step) => r.median[step]?.cpuSeconds.toFixed(2) ?? status(r, step);
const mebibytes = (bytes: number | null | undefined) =>
  bytes === null || bytes === undefined ? '–' : (bytes / 2 ** 20).toFixed(1);
const ratio = (a: { seconds: number } | null, b: { seconds: number } | null) =>
  a && b ? `${(a.seconds / b.seconds).toFixed(2)}×` : '–';

function table(results: readonly SizeResult[]): string {
  const timeRows = results.map((r) => {
    const perCourse = r.median.buildCold
      ? `${((r.median.buildCold.seconds * 1000) / r.courses).toFixed(1)}`
      : '–';
    return `| ${r.courses} | ${seconds(r, 'buildCold')} | ${seconds(r, 'buildWarm')} | ${seconds(r, 'buildEdit')} | ${seconds(r, 'baselineCold')} | ${seconds(r, 'baselineWarm')} | ${seconds(r, 'check')} | ${perCourse} | ${ratio(r.median.buildCold, r.median.baselineCold)} | ${ratio(r.median.buildWarm, r.median.baselineWarm)} |`;
  });
  const cpuRows = results.map(
    (r) =>
      `| ${r.courses} | ${cpu(r, 'buildCold')} | ${cpu(r, 'buildWarm')} | ${cpu(r, 'buildEdit')} | ${cpu(r, 'baselineCold')} | ${cpu(r, 'baselineWarm')} | ${cpu(r, 'check')} | ${r.median.buildCold && r.median.baselineCold ? `${(r.median.buildCold.cpuSeconds / r.median.baselineCold.cpuSeconds).toFixed(2)}×` : '–'} |`,
  );
  const memoryRows = results.map(
    (r) =>
      `| ${r.courses} | ${mebibytes(r.median.buildCold?.peakRssBytes)} | ${mebibytes(r.median.buildWarm?.peakRssBytes)} | ${mebibytes(r.median.baselineCold?.peakRssBytes)} | ${mebibytes(r.median.check?.peakRssBytes)} | ${mebibytes(r.distBytes)} | ${mebibytes(r.pagefindBytes)} | ${mebibytes(r.baselineDistBytes)} |`,
  );
  const phaseRows = results.flatMap((r) =>
    BUILD_STEPS.flatMap((step) => {
      const phases = r.phases[step];
      const total = r.median[step]?.seconds;
      if (!phases || total === undefined) return [];
      const named = PHASES.map((name) => phases[name] ?? 0);
      const rest = total - named.reduce((sum, value) => sum + value, 0);
      return [
        `| ${r.courses} | ${step.replace('build', '').toLowerCase()} | ${named.map((value) => value.toFixed(1)).join(' | ')} | ${rest.toFixed(1)} | ${total.toFixed(1)} |`,
      ];
    }),
  );
  const threadSteps = [
    ['buildCold', 'a cold'],
    ['buildWarm', 'a warm'],
    ['buildEdit', 'a, 1 edit'],
    ['baselineCold', 'b cold'],
    ['baselineWarm', 'b warm'],
  ] as const;
  const threadRows = results.flatMap((r) =>
    threadSteps.flatMap(([step, label]) => {
      const first = r.runs[step].find((measurement) => measurement.ok);
      if (!first) return [];
      const byKind = cpuByKind(first.cpuByThread);
      return [
        `| ${r.courses} | ${label} | ${THREAD_KINDS.map((kind) => byKind[kind].toFixed(1)).join(' | ')} |`,
      ];
    }),
  );
  const lines = [
    `Wall time in seconds, median of ${runs} run${runs === 1 ? '' : 's'} (a = project build, b = bare Astro baseline):`,
    '',
    '| courses | a cold | a warm | a, 1 edit | b cold | b warm | check | a cold ms/course | a/b cold | a/b warm |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...timeRows,
    '',
    'CPU seconds (user + system, whole process tree; steadier than wall time on a busy machine):',
    '',
    '| courses | a cold | a warm | a, 1 edit | b cold | b warm | check | a/b cold |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...cpuRows,
    '',
    'Peak memory (RSS of the whole process tree) and output size, MiB:',
    '',
    '| courses | a cold | a warm | b cold | check | dist/ | dist/pagefind | baseline dist |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...memoryRows,
    '',
    'Where the project build spends its time, seconds (phases as each build prints them; "other" is',
    'starting Node and Astro, the swap, and what the phases do not cover):',
    '',
    `| courses | build | ${PHASES.join(' | ')} | other | total |`,
    `| ---: | --- | ${PHASES.map(() => '---:').join(' | ')} | ---: | ---: |`,
    ...phaseRows,
    '',
    'CPU seconds by thread, first run of each build (read from /proc every 50 ms; threads named by',
    'scripts/bench/threads.ts):',
    '',
    `| courses | build | ${THREAD_KINDS.join(' | ')} |`,
    `| ---: | --- | ${THREAD_KINDS.map(() => '---:').join(' | ')} |`,
    ...threadRows,
  ];
  // The per-course cost without the fixed start-up cost: the slope between the two largest sizes.
  const measured = results.filter((r) => r.median.buildCold && r.median.baselineCold);
  const [small, large] = measured.slice(-2);
  if (small && large && large.courses > small.courses) {
    const slope = (step: 'buildCold' | 'baselineCold', key: 'seconds' | 'cpuSeconds') =>
      (
        (((large.median[step]?.[key] ?? 0) - (small.median[step]?.[key] ?? 0)) * 1000) /
        (large.courses - small.courses)
      ).toFixed(1);
    lines.push(
      '',
      `Marginal cost per course between ${small.courses} and ${large.courses} (cold builds): ` +
        `project ${slope('buildCold', 'seconds')} ms wall / ${slope('buildCold', 'cpuSeconds')} ms CPU, ` +
        `baseline ${slope('baselineCold', 'seconds')} ms wall / ${slope('baselineCold', 'cpuSeconds')} ms CPU.`,
    );
  }
  return lines.join('\n');
}

async function astroVersion(): Promise<string> {
  const manifest = JSON.parse(
    await readFile(path.join(root, 'node_modules/astro/package.json'), 'utf8'),
  ) as { version: string };
  return manifest.version;
}

await mkdir(benchDir, { recursive: true });
const startedAt = new Date();
const load = loadavg();
log(
  `Benchmark: sizes ${sizes.join(', ')}; ${runs} run(s) each; seed ${seed}; ${cpus().length} CPUs; load average ${load.map((l) => l.toFixed(2)).join(' ')}`,
);
if ((load[0] ?? 0) > cpus().length * 0.5)
  log('Warning: the machine is already busy; timings will be noisy.');

const results: SizeResult[] = [];
for (const size of sizes) results.push(await benchSize(size));
// Astro writes its generated types next to the baseline's config whatever the options say; they are rebuilt on every run.
await rm(path.join(baselineRoot, '.astro'), { recursive: true, force: true });

const report = table(results);
console.log(`\n${report}`);
const failures = results.flatMap((r) => r.failures.map((failure) => `N=${r.courses} ${failure}`));
if (failures.length > 0) {
  console.log(`\n${failures.length} step(s) failed:\n\n${failures.join('\n\n')}`);
  process.exitCode = 1;
}

// One file per day; a second run the same day gets -2, -3... rather than replacing the first.
const day = startedAt.toISOString().slice(0, 10);
let resultsFile = path.join(benchDir, `results-${day}.json`);
for (
  let suffix = 2;
  await stat(resultsFile).then(
    () => true,
    () => false,
  );
  suffix += 1
) {
  resultsFile = path.join(benchDir, `results-${day}-${suffix}.json`);
}
await writeFile(
  resultsFile,
  `${JSON.stringify(
    {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model,
        totalMemoryBytes: totalmem(),
        loadAverageAtStart: load,
      },
      versions: { node: process.version, astro: await astroVersion() },
      options: { sizes, runs, seed, siteNow: SITE_NOW },
      results: results.map((r) => ({
        ...r,
        runs: Object.fromEntries(
          STEPS.map((step) => [step, r.runs[step].map(({ outputTail: _tail, ...m }) => m)]),
        ),
      })),
      table: report,
    },
    null,
    2,
  )}\n`,
);
console.log(`\nWrote ${path.relative(root, resultsFile)}.`);
