/**
 * A thread of the read pool (read-pool.ts): reads the unit files it is sent, one at a time, exactly
 * as readUnit does in process (read-only, no owner file, no working copy), and answers with what it
 * gave. Bundled on its own (units-read-worker.cjs / .mjs) beside the code that starts it.
 */
import { parentPort } from 'node:worker_threads';
import { readUnit } from './read-unit';

export interface ReadRequest {
  file: string;
  indicators: boolean;
}

const port = parentPort;
port?.on('message', (request: ReadRequest) => {
  // readUnit never rejects: a file it cannot read comes back with its reason.
  void readUnit(request.file, { indicators: request.indicators }).then((read) => port.postMessage(read));
});
