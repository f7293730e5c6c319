import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'shared/**/*.test.ts', 'electron/**/*.test.ts'],
    testTimeout: 20000,
  },
});
