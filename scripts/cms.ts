/**
 * `npm run cms`: the admin interface on this computer. Starts the Astro dev server and
 * decap-server (Decap CMS's file-system proxy) together, both on 127.0.0.1, and prints the
 * admin's address. Saving in the admin writes straight into content/ of this working copy;
 * nothing is committed or pushed. Ctrl-C stops both.
 *
 * PORT sets the dev server's port (default 4321) and DECAP_SERVER_PORT decap-server's
 * (default 8081); a busy port is replaced by the next free one, and the admin's
 * /admin/config.yml follows decap-server wherever it runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { DEFAULT_PROXY_PORT, PROXY_HOST, proxyUrl } from '../src/admin/decap-config.ts';
import { freePort } from './free-port.ts';

const root = path.resolve(import.meta.dirname, '..');
const HOST = '127.0.0.1';

async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  children: ChildProcess[],
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (children.some((child) => child.exitCode !== null))
      throw new Error(`${what}: a server stopped while starting`);
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${what} did not start within ${timeoutMs / 1000} s`);
}

/**
 * Loads the admin's own script once before anyone opens the page, so that Vite discovers and
 * bundles its dependencies (zod, the Temporal polyfill) now: discovered in the browser, they are
 * re-bundled mid-load, the script fails with "504 Outdated Optimize Dep", and the check before
 * saving would be missing until a reload.
 */
async function warmUp(admin: string): Promise<void> {
  const page = await (await fetch(admin)).text();
  const entries = [...page.matchAll(/<script type="module" src="([^"]+)"/g)].map(
    (match) => new URL(match[1]!, admin).href,
  );
  for (let attempt = 0; attempt < 10; attempt += 1) {
    // Every module the script imports, as the browser would load them.
    const seen = new Set<string>(entries);
    const queue = [...entries];
    let stale = false;
    while (queue.length > 0 && seen.size < 500) {
      const url = queue.shift()!;
      const response = await fetch(url);
      if (response.status !== 200) stale = true;
      for (const match of (await response.text()).matchAll(
        /(?:\bfrom|\bimport)\s*["'](\/[^"']+)["']/g,
      )) {
        const next = new URL(match[1]!, admin).href;
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    if (!stale) return;
    await new Promise((resolve) => setTimeout(resolve, 1500));
  }
}

const sitePort = await freePort(Number(process.env['PORT'] ?? 4321));
const proxyPort = await freePort(Number(process.env['DECAP_SERVER_PORT'] ?? DEFAULT_PROXY_PORT));
const environment = {
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: '1',
  DECAP_SERVER_PORT: String(proxyPort),
};

const decapServer = spawn(
  process.execPath,
  [path.join(root, 'node_modules/decap-server/dist/index.js')],
  {
    cwd: root,
    // MODE fs: reads and writes files in GIT_REPO_DIRECTORY, with no git involved.
    env: {
      ...environment,
      MODE: 'fs',
      GIT_REPO_DIRECTORY: root,
      BIND_HOST: PROXY_HOST,
      PORT: String(proxyPort),
      LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'info',
    },
    stdio: 'inherit',
  },
);
const astro = spawn(
  process.execPath,
  [
    path.join(root, 'node_modules/astro/bin/astro.mjs'),
    'dev',
    '--host',
    HOST,
    '--port',
    String(sitePort),
  ],
  {
    cwd: root,
    env: environment,
    stdio: 'inherit',
  },
);
const children = [decapServer, astro];

let stopping = false;
function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stop(0));
for (const child of children) {
  child.on('exit', (code) => {
    if (stopping) return;
    console.error(
      `\n${child === astro ? 'The dev server' : 'decap-server'} stopped (exit code ${code ?? 'none'}); stopping the other.`,
    );
    if (child === astro)
      console.error(
        'If `npm run dev` is running for this folder, stop it first: `npm run cms` starts its own dev server.',
      );
    stop(code || 1);
  });
}

try {
  await waitFor(
    'decap-server',
    async () =>
      (
        await fetch(proxyUrl(proxyPort), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ action: 'info' }),
        })
      ).ok,
    children,
  );
  const admin = `http://${HOST}:${sitePort}/admin/`;
  await waitFor('The dev server', async () => (await fetch(`${admin}config.yml`)).ok, children);
  await warmUp(admin).catch((error: unknown) =>
    console.warn(`Could not preload the admin's script: ${String(error)}`),
  );
  console.log(
    `\n  Admin:  ${admin}\n  Site:   http://${HOST}:${sitePort}/\n  Saving writes to ${path.join(root, 'content')} through decap-server on ${proxyUrl(proxyPort)}.\n  Run \`npm run check\` before committing. Ctrl-C stops both servers.\n`,
  );
} catch (error) {
  if (!stopping) console.error(error instanceof Error ? error.message : error);
  stop(1);
}
