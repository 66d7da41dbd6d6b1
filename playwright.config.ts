import { defineConfig } from '@playwright/test';
import { BROWSER_ARGS, browserExecutable } from './tests/helpers/browser.ts';

// Another port lets two checkouts run their browser tests side by side.
const PORT = Number(process.env['E2E_PORT'] ?? 4399);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  reporter: [['list']],
  forbidOnly: true,
  webServer: {
    command: `node tests/e2e/serve-site.ts ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'ignore',
  },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: { executablePath: await browserExecutable(), args: BROWSER_ARGS },
  },
});
