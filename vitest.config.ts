import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'shared/**/*.test.ts', 'electron/**/*.test.ts'],
    testTimeout: 20000,
    // expect.poll waits for what the page or a server does; 1 s (vitest's default) is too short on
    // a loaded machine (CI, or tests running beside other work), and a pass returns at once anyway.
    expect: { poll: { timeout: 10_000 } },
  },
});
