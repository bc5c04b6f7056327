import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// End-to-end against the real packaged application (embedded PostgreSQL, demo data) in Debian's Chromium.
const port = Number(process.env.MEDASSIST_E2E_PORT ?? 18181);
const jar = resolve(import.meta.dirname ?? '.', '../server/target/medassist.jar');
const data = process.env.MEDASSIST_E2E_DATA ?? mkdtempSync(join(tmpdir(), 'medassist-e2e-'));

export default defineConfig({
  testDir: './e2e',
  outputDir: './e2e-results/artifacts',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1, // one server, shared demo clinic and TOTP time steps: tests run in order
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'e2e-results/results.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
  },
  webServer: {
    command: `java -jar ${jar}`,
    url: `http://127.0.0.1:${port}/actuator/health/readiness`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: { PORT: String(port), MEDASSIST_DATA: data, MEDASSIST_MASTER_KEY_FILE: join(data, 'master-key.json') },
  },
});
