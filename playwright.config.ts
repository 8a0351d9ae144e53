import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.TEST_PORT ?? 4399);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

// Debian's Chromium, never a downloaded browser (downloads fail on these machines).
const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: BASE_URL,
    launchOptions: {
      executablePath,
      args: [
        '--headless',
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
    // The built site (npm run build first), served as a static host would.
    command: `node node_modules/astro/astro.js preview --host 127.0.0.1 --port ${PORT}`,
    url: BASE_URL,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
