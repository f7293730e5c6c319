/* global process, require, module */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: this module is the
   bundle's parent, as the loader is in the app, and require is what the cache must match */
// One start, as far as V8 can tell (a process of its own, so no compiled code is left in memory):
// loads a bundle plainly or through the code cache and prints one JSON line, what the bundle
// reported and what became of the cache (tests/unit/bundle-code-cache.test.ts).
//   node bundle-cache-child.cjs LIB BUNDLE CACHE_DIR plain|cache
const [lib, bundle, cacheDir, mode] = process.argv.slice(2);
let load;
if (mode === 'plain') load = { exports: require(bundle), cache: null };
else load = require(lib).loadBundleWithCodeCache(bundle, () => cacheDir, module);
process.stdout.write(
  `${JSON.stringify({ uid: process.getuid(), cache: load.cache, report: load.exports.report })}\n`,
);
