import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // beforeAll hooks that spawn the CLI several times (six explain runs) took over vitest's 10 s on a loaded machine.
    hookTimeout: 60_000,
    globalSetup: ['test/global-setup.ts'],
  },
});
