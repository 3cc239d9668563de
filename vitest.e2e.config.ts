import { defineConfig } from 'vitest/config';

// Browser journeys: Debian's Chromium driven by playwright-core against the real server (e2e/).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    env: { TZ: 'UTC' },
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
