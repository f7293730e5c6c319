/**
 * The desktop's entry (package.json "main"; bundled to dist-electron/loader.cjs): runs the main
 * process's bundle, main.cjs beside it, with V8's code cache in the data folder, so that only the
 * first start after an install or update compiles it (bundle-code-cache.ts). Kept tiny: this file
 * itself is compiled at every start.
 */
import path from 'node:path';
import { dataDir } from '../services/data-dir';
import { loadBundleWithCodeCache } from './bundle-code-cache';
import { codeCacheDir } from './code-cache';

loadBundleWithCodeCache(path.join(__dirname, 'main.cjs'), () => codeCacheDir(dataDir()), module);
