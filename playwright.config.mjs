// Browser tests drive Debian's Chromium; Playwright never downloads a browser here.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './scripts/chromium.mjs';

const PORT = 8181;

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  // One retry: two workers on a 2-core CI machine now and then starve Chromium's service-worker
  // start-up. A test that passes only on its retry is still listed as "flaky" in the output.
  retries: 1,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    locale: 'fi-FI',
    timezoneId: 'Europe/Helsinki',
    // axe-core is injected as an inline script, which the app's CSP rightly refuses; the
    // security tests switch this back off to prove the policy.
    bypassCSP: true,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    { name: 'phone', use: { viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true } },
  ],
  webServer: [
    { command: `node tests/serve.mjs dist ${PORT}`, url: `http://127.0.0.1:${PORT}/`, reuseExistingServer: false },
    // A municipal host page on another origin, for the widget tests.
    { command: 'node tests/serve.mjs tests/host 8282', url: 'http://127.0.0.1:8282/', reuseExistingServer: false },
  ],
});
