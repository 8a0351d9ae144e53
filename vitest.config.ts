/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Astro's Vite config, so tests can render .astro components with the container API (golden SVGs).
export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/charts/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
