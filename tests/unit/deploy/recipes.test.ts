/**
 * The deploy recipes are configuration nobody runs on this machine, so a test reads each one
 * as its host would and checks what the README promises: the steps in order, the daily
 * schedule just after midnight in the site's zone, and the build cache kept between runs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { repoRoot } from '../../helpers/fixtures.ts';

const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');

/** The UTC hour and minute of a daily cron line `m h * * *`. */
function dailyAt(cron: string): { hour: number; minute: number } {
  const match = /^(\d+) (\d+) \* \* \*$/.exec(cron);
  if (!match) throw new Error(`not a daily cron: ${cron}`);
  return { minute: Number(match[1]), hour: Number(match[2]) };
}

/** The wall-clock time in `zone` of a UTC time of day on `date`. */
function wallClock(date: string, hour: number, minute: number, zone: string): string {
  const instant = Temporal.Instant.from(
    `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`,
  );
  return instant.toZonedDateTimeISO(zone).toPlainTime().toString({ smallestUnit: 'minute' });
}

describe('GitHub Actions workflow', () => {
  interface Step {
    uses?: string;
    run?: string;
    with?: Record<string, string>;
  }
  const workflow = parseYaml(read('.github/workflows/deploy.yml')) as {
    on: { push: unknown; schedule: { cron: string }[] };
    env: Record<string, string>;
    permissions: Record<string, string>;
    jobs: { build: { steps: Step[] }; deploy: { needs: string; steps: Step[] } };
  };
  const steps = workflow.jobs.build.steps;
  const indexOf = (match: (step: Step) => boolean) => steps.findIndex(match);

  it('builds on every push and daily just after midnight in New York, winter and summer', () => {
    expect(workflow.on).toHaveProperty('push');
    const [schedule] = workflow.on.schedule;
    const { hour, minute } = dailyAt(schedule!.cron);
    for (const date of ['2026-01-15', '2026-07-15']) {
      const local = wallClock(date, hour, minute, 'America/New_York');
      expect(local >= '00:00' && local <= '01:30', `${date}: ${local}`).toBe(true);
    }
  });

  it('restores and saves the build cache at ASTRO_CACHE_DIR, before the build', () => {
    const cache = steps.find((step) => step.uses?.startsWith('actions/cache@'));
    expect(workflow.env['ASTRO_CACHE_DIR']).toBeTruthy();
    expect(cache?.with?.['path']).toBe('${{ env.ASTRO_CACHE_DIR }}');
    // A key per run saves each run's cache; the prefix restores the last one.
    expect(cache?.with?.['key']).toContain('${{ github.run_id }}');
    expect(cache?.with?.['restore-keys']).toBeTruthy();
  });

  it('installs, restores the cache, runs the launch check, builds, then publishes dist/', () => {
    const order = [
      indexOf((step) => step.uses?.startsWith('actions/checkout@') ?? false),
      indexOf((step) => step.run === 'npm ci'),
      indexOf((step) => step.uses?.startsWith('actions/cache@') ?? false),
      indexOf((step) => step.run === 'npm run check -- --launch'),
      indexOf((step) => step.run === 'npm run build'),
      indexOf((step) => step.uses?.startsWith('actions/upload-pages-artifact@') ?? false),
    ];
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(steps.at(-1)?.with?.['path']).toBe('dist');
    expect(workflow.jobs.deploy.needs).toBe('build');
    expect(workflow.jobs.deploy.steps[0]?.uses).toMatch(/^actions\/deploy-pages@/);
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
  });

  it('uses the Node version the project pins', () => {
    const setup = steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(setup?.with?.['node-version-file']).toBe('.nvmrc');
    expect(read('.nvmrc').trim()).toBe('26');
  });
});

describe('netlify.toml', () => {
  const config = parseToml(read('netlify.toml')) as {
    build: { command: string; publish: string; environment: Record<string, string> };
  };

  it('runs the launch check, then the build, and publishes dist/', () => {
    expect(config.build.command).toBe('npm run check -- --launch && npm run build');
    expect(config.build.publish).toBe('dist');
  });

  it('keeps the build cache inside node_modules, which Netlify keeps between builds', () => {
    expect(config.build.environment['ASTRO_CACHE_DIR']).toMatch(/^node_modules\//);
    expect(config.build.environment['NODE_VERSION']).toBe(read('.nvmrc').trim());
  });

  it('explains the scheduled build hook, at the same hour as the workflow', () => {
    const text = read('netlify.toml');
    expect(text).toContain('Build hooks');
    expect(text).toContain("cron: '5 5 * * *'");
  });
});
