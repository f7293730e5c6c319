#!/usr/bin/env node
// The `ziping` command. It runs a bundle of the TypeScript sources, built at `npm install` and
// rebuilt whenever a source changed (scripts/cli-bundle.mjs), so it works right after
// `npm install` with no build step to remember, and starts without transpiling.
import { loadCli } from '../scripts/cli-bundle.mjs';

const { main } = await loadCli();
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
