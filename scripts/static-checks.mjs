// The static checks of `npm test`: the four TypeScript projects, eslint and prettier, run side by
// side as child processes (one after another they took over a minute and a half on two cores).
// Each one's output is held back and printed whole under its name, so that failures do not
// interleave; the exit code is 1 when any check fails. `npm run typecheck` and `npm run lint`
// run a subset. Caches live in node_modules/.cache (a fresh clone checks everything).
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'static-checks');

/**
 * The JavaScript file a package's command runs (its package.json `bin`), started with this node:
 * no shell and no .cmd shims, the same on every platform.
 * @param {string} pkg
 * @param {string} [command]
 */
function binOf(pkg, command = pkg) {
  const dir = path.join(ROOT, 'node_modules', pkg);
  const { bin } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  return path.join(dir, typeof bin === 'string' ? bin : bin[command]);
}

/** @param {string} name @param {string} project */
function tsc(name, project) {
  // Incremental: a run after a small change rechecks only what it touches.
  const buildInfo = path.join(CACHE, `tsc-${name}.tsbuildinfo`);
  const args = ['-p', project, '--noEmit', '--incremental', '--tsBuildInfoFile', buildInfo];
  return { name: `tsc -p ${project}`, group: 'typecheck', bin: binOf('typescript', 'tsc'), args };
}

/** @typedef {{ name: string, group: 'typecheck' | 'lint', bin: string, args: string[] }} Check */
/** @type {Check[]} */
export const CHECKS = [
  tsc('main', 'tsconfig.json'),
  tsc('renderer', 'renderer/tsconfig.json'),
  tsc('e2e', 'tests/e2e/tsconfig.json'),
  tsc('tests-renderer', 'tests/renderer/tsconfig.json'),
  {
    name: 'eslint .',
    group: 'lint',
    bin: binOf('eslint'),
    args: ['.', '--cache', '--cache-location', path.join(CACHE, 'eslint')],
  },
  {
    name: 'prettier --check .',
    group: 'lint',
    bin: binOf('prettier'),
    args: ['--check', '.', '--cache', '--cache-location', path.join(CACHE, 'prettier')],
  },
];

/**
 * Runs one check, its output (stdout and stderr in the order written) collected.
 * @param {Check} check
 * @returns {Promise<{ check: Check, ok: boolean, output: string, seconds: number }>}
 */
function run(check) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [check.bin, ...check.args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    /** @type {Buffer[]} */
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    const done = (/** @type {boolean} */ ok, /** @type {string} */ extra = '') =>
      resolve({
        check,
        ok,
        output: Buffer.concat(chunks).toString('utf8') + extra,
        seconds: (performance.now() - started) / 1000,
      });
    child.on('error', (e) => done(false, `${e.message}\n`));
    child.on('close', (code, signal) => done(code === 0, signal ? `（被信号 ${signal} 终止）\n` : ''));
  });
}

/**
 * Runs the checks side by side; prints one line per check, then each failed check's output whole.
 * @param {Check[]} checks
 * @param {(text: string) => void} [write]
 * @returns {Promise<boolean>} whether all passed
 */
export async function runChecks(checks, write = (text) => process.stdout.write(text)) {
  const started = performance.now();
  const results = await Promise.all(checks.map(run));
  const failed = results.filter((r) => !r.ok);
  for (const r of results) write(`${r.ok ? '✓' : '✗'} ${r.check.name} (${r.seconds.toFixed(1)} s)\n`);
  for (const r of failed) write(`\n──── ${r.check.name} 未通过 ────\n${r.output.trimEnd()}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (failed.length > 0) {
    write(`\n静态检查未通过：${failed.map((r) => r.check.name).join('、')}（${seconds} s）\n`);
    return false;
  }
  write(`静态检查全部通过（${seconds} s）\n`);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const groups = process.argv.slice(2);
  const unknown = groups.filter((g) => g !== 'typecheck' && g !== 'lint');
  if (unknown.length > 0) {
    process.stderr.write(`未知的检查组：${unknown.join(' ')}（可用：typecheck、lint）\n`);
    process.exitCode = 2;
  } else {
    const chosen = CHECKS.filter((c) => groups.length === 0 || groups.includes(c.group));
    process.exitCode = (await runChecks(chosen)) ? 0 : 1;
  }
}
