import { defineConfig } from '@playwright/test';
import { CHROME, CHROMIUM_FLAGS } from './scripts/lib/chromium';

const PORT = Number(process.env.TEST_PORT ?? 4399);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: BASE_URL,
    launchOptions: {
      executablePath: CHROME,
      args: CHROMIUM_FLAGS,
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
