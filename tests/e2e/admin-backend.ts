/**
 * The admin's local backend for the browser tests: decap-server (file-system mode, bound to
 * 127.0.0.1) over a temporary copy of content/, so the tests save into a throwaway folder,
 * never into the working copy.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_PROXY_PORT, PROXY_HOST, proxyUrl } from '../../src/admin/decap-config.ts';
import { repoRoot } from '../helpers/fixtures.ts';
import { freePort } from '../../scripts/free-port.ts';

export interface AdminBackend {
  /** The folder decap-server serves: it holds `content/`. */
  repoDir: string;
  contentDir: string;
  port: number;
  url: string;
  /** The files of a content folder, such as `courses`. */
  files: (folder: string) => Promise<string[]>;
  /** Stops decap-server and removes the temporary folder. */
  stop: () => Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ action: 'info' }),
  }).catch(() => undefined);
  return response?.ok ?? false;
}

export async function startAdminBackend(): Promise<AdminBackend> {
  const repoDir = await mkdtemp(path.join(tmpdir(), 'ce-admin-repo-'));
  const contentDir = path.join(repoDir, 'content');
  await cp(path.join(repoRoot, 'content'), contentDir, { recursive: true });
  const port = await freePort(DEFAULT_PROXY_PORT, PROXY_HOST);
  const url = proxyUrl(port);
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(repoRoot, 'node_modules/decap-server/dist/index.js')],
    {
      // decap-server reads a .env file from its working folder; the temporary one has none.
      cwd: repoDir,
      env: {
        ...process.env,
        MODE: 'fs',
        GIT_REPO_DIRECTORY: repoDir,
        BIND_HOST: PROXY_HOST,
        PORT: String(port),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const deadline = Date.now() + 20_000;
  while (!(await answers(url))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`decap-server did not start on ${url}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    repoDir,
    contentDir,
    port,
    url,
    files: async (folder) => (await readdir(path.join(contentDir, folder))).sort(),
    stop: async () => {
      child.kill();
      await rm(repoDir, { recursive: true, force: true });
    },
  };
}
