/**
 * `ziping summary` in a process of its own, for tests that run it as a user who is not root:
 *   node --import tsx tests/support/summary-child.ts ARGS…
 * Prints one JSON line: the user id, exit code, stdout and stderr of the command.
 */
import { runZipingInProcess } from './run-cli';

const run = await runZipingInProcess(['summary', ...process.argv.slice(2)]);
process.stdout.write(`${JSON.stringify({ uid: process.getuid?.(), ...run })}\n`);
