import path from 'node:path';
import { defineConfig } from 'vite';

// The renderer is built to static files served by browser mode (electron/web) and, later, loaded
// by Electron from disk: relative asset paths, no inline scripts (the CSP forbids them).
export default defineConfig(({ command }) => ({
  root: import.meta.dirname,
  base: './',
  build: {
    outDir: path.join(import.meta.dirname, '../dist/renderer'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 4000,
  },
  // A build is what ships (and what the e2e tests and benchmarks measure): React's production
  // code even when the caller's NODE_ENV is "test" (vitest) or unset.
  define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  oxc: { jsx: { runtime: 'automatic', development: command !== 'build' } },
}));
