import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'shared/**/*.test.ts', 'electron/**/*.test.ts'],
    testTimeout: 20000,
    // An end-to-end test's beforeEach starts a server and a page: on a busy 2-core machine that can
    // take longer than vitest's 10 s default for hooks.
    hookTimeout: 60_000,
    // expect.poll waits for what the page or a server does; 1 s (vitest's default) is too short on
    // a loaded machine (CI, or tests running beside other work), and a pass returns at once anyway.
    expect: { poll: { timeout: 10_000 } },
  },
});
