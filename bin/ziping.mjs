#!/usr/bin/env node
// The `ziping` command. It runs the TypeScript sources through tsx, so that it works right
// after `npm install` with no build step to remember.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
