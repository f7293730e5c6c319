/**
 * The static checks of `npm test` (scripts/static-checks.mjs): every check runs, each one's
 * failures are printed whole under its name (not interleaved with the others), and any failure
 * fails the whole.
 */
import { describe, expect, it } from 'vitest';
import { CHECKS, runChecks, type Check } from '../../scripts/static-checks.mjs';

/** A check that is a small node script (`node -e`). */
const script = (name: string, code: string): Check => ({ name, group: 'lint', bin: '-e', args: [code] });

async function outputOf(checks: Check[]): Promise<{ ok: boolean; text: string }> {
  let text = '';
  const ok = await runChecks(checks, (t) => (text += t));
  return { ok, text };
}

describe('static checks', { timeout: 60_000 }, () => {
  it('are the four TypeScript projects, eslint and prettier', () => {
    expect(CHECKS.map((c) => c.name)).toEqual([
      'tsc -p tsconfig.json',
      'tsc -p renderer/tsconfig.json',
      'tsc -p tests/e2e/tsconfig.json',
      'tsc -p tests/renderer/tsconfig.json',
      'eslint .',
      'prettier --check .',
    ]);
    expect(CHECKS.filter((c) => c.group === 'typecheck')).toHaveLength(4);
  });

  it('pass when every check passes, without printing their output', async () => {
    const { ok, text } = await outputOf([script('一', "console.log('一的输出')"), script('二', '')]);
    expect(ok).toBe(true);
    expect(text).toMatch(/^✓ 一 \([\d.]+ s\)\n✓ 二 \([\d.]+ s\)\n静态检查全部通过/);
    expect(text).not.toContain('一的输出');
  });

  it('fail when one fails, printing that one’s output (stdout and stderr) whole under its name', async () => {
    const failing = script(
      '坏',
      "console.log('a.ts(1,1): error TS2322'); console.error('第二行'); process.exitCode = 1",
    );
    const { ok, text } = await outputOf([script('好', "console.log('好的输出')"), failing]);
    expect(ok).toBe(false);
    expect(text).toContain('✓ 好');
    expect(text).toContain('✗ 坏');
    expect(text).toContain('──── 坏 未通过 ────\na.ts(1,1): error TS2322\n第二行\n');
    expect(text).not.toContain('好的输出');
    expect(text).toMatch(/静态检查未通过：坏（[\d.]+ s）\n$/);
  });

  it('fail when a check is killed', async () => {
    const { ok, text } = await outputOf([script('被杀', "process.kill(process.pid, 'SIGKILL')")]);
    expect(ok).toBe(false);
    expect(text).toContain('（被信号 SIGKILL 终止）');
  });
});
