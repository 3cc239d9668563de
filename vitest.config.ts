import { defineConfig } from 'vitest/config';

// Unit tests (common/) and integration tests (server/) run here; the browser journeys
// have their own config (vitest.e2e.config.ts) because they need the built web app.
export default defineConfig({
  test: {
    include: ['common/**/*.test.ts', 'server/**/*.test.ts'],
    environment: 'node',
    env: { TZ: 'UTC' },
    setupFiles: ['server/test/fast-check-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
