// A worker thread cannot take tsx from --import for its own entry (Node 20): this plain module
// registers tsx, then loads the TypeScript entry it is given (dev, tests; shipped code is bundled).
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
