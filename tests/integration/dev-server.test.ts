/**
 * `npm run dev` reports invalid content the way `npm run check` does, in the terminal and in
 * the page (Astro's error overlay), and recovers once the file is fixed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentWithOverlay, repoRoot } from '../helpers/fixtures.ts';

const PORT = 4710;
const url = (sitePath: string) => `http://127.0.0.1:${PORT}${sitePath}`;
let server: ChildProcess | undefined;
let output = '';

async function waitFor<T>(
  what: string,
  attempt: () => Promise<T | undefined>,
  seconds = 120,
): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const value = await attempt().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`timed out waiting for ${what}; server output:\n${output}`);
}

/** Vitest puts Vite's own variables (MODE, DEV, PROD, SSR, BASE_URL, NODE_ENV=test) into the environment; Astro would read them. */
function withoutTestRunnerVariables(environment: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(environment).filter(
      ([name]) => !/^(VITEST.*|TEST|NODE_ENV|MODE|DEV|PROD|SSR|BASE_URL|FORCE_TTY)$/.test(name),
    ),
  );
}

afterAll(() => {
  server?.kill('SIGTERM');
});

describe('the dev server', () => {
  it('shows content errors in the terminal and the page, then recovers when the file is fixed', async () => {
    const contentDir = await contentWithOverlay('broken/end-before-start');
    const file = path.join(contentDir, 'courses/fixture-course.md');
    server = spawn(
      process.execPath,
      [
        path.join(repoRoot, 'node_modules/astro/bin/astro.mjs'),
        'dev',
        '--host',
        '127.0.0.1',
        '--port',
        String(PORT),
      ],
      {
        cwd: repoRoot,
        env: {
          ...withoutTestRunnerVariables(process.env),
          CONTENT_DIR: contentDir,
          ASTRO_TELEMETRY_DISABLED: '1',
          SITE_NOW: '2021-01-01T00:00:00Z',
        },
      },
    );
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.on('exit', (code) => (output += `\n[dev server exited with ${code}]`));

    const broken = await waitFor('the error page', async () => {
      const response = await fetch(url('/'));
      return response.status >= 500 ? await response.text() : undefined;
    });
    // Astro's error page carries the error's name; its overlay fills in the message from the
    // dev server, which prints the same report as `npm run check`.
    expect(broken).toContain('<title>ContentValidationError</title>');
    expect(output).toMatch(
      /fixture-course\.md:\d+ › sessions\[0\]\.end\s+The session ends before it starts\./,
    );

    // Save the fix the way a slow editor does: the file is truncated first and written a moment
    // later, so a watcher sees it empty in between. The server must settle on the finished file.
    const fixedText = (await readFile(file, 'utf8')).replace('end: "15:00"', 'end: "18:00"');
    await writeFile(file, '');
    await new Promise((resolve) => setTimeout(resolve, 60));
    await writeFile(file, fixedText);
    const fixed = await waitFor('the fixed page', async () => {
      const response = await fetch(url('/courses/fixture-course/'));
      return response.status === 200 ? await response.text() : undefined;
    });
    expect(fixed).toContain('Fixture Course on Mentalizing');
  }, 240_000);
});
