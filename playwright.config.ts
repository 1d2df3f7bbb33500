import { defineConfig } from '@playwright/test';

/**
 * E2E tests drive the production build: `npm test` builds the client first, and the server serves it.
 * CHROMIUM_PATH points at a system Chromium (Debian's by default); unset it to use Playwright's own.
 */
const port = Number(process.env.E2E_PORT ?? 8097);
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results',
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-reports/e2e.json' }]] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: executablePath === '' ? undefined : executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node --import tsx server/main.ts`,
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: `.tmp/e2e-${Date.now()}`,
      LOG_LEVEL: 'warn',
      // Every person of every test is on 127.0.0.1; the per-address limits on new boards and forum views are tested in integration.
      BOARDS_PER_HOUR: '0',
      FORUM_VIEWS_PER_MINUTE: '0',
      // Small, so the board history's points kept through a compaction show within one short test.
      COMPACT_EVERY: '10',
    },
  },
});
