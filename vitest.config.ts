import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two workers even on two cores: most files wait on child processes, disks and Chromium, so
    // one worker (vitest's default there) left the machine half idle.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Generous: the suite must pass on a busy 2-core machine (CI, or beside other work); a test
    // that passes returns at once, so this only decides how long a hung one takes to fail.
    testTimeout: 60_000,
    // An end-to-end test's beforeEach starts a server and a page.
    hookTimeout: 60_000,
    // expect.poll waits for what the page or a server does; 1 s (vitest's default) is too short on
    // a loaded machine, and a pass returns at once anyway.
    expect: { poll: { timeout: 10_000 } },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts', 'shared/**/*.test.ts', 'electron/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/e2e/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // Builds the renderer once and starts the one Chromium every e2e file connects to.
          globalSetup: ['tests/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
