import path from 'node:path';
import { defineConfig } from 'vite';

// The renderer is built to static files served by browser mode (electron/web) and, later, loaded
// by Electron from disk: relative asset paths, no inline scripts (the CSP forbids them).
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  build: {
    outDir: path.join(import.meta.dirname, '../dist/renderer'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 4000,
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
