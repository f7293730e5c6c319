/**
 * The first step of `npm test` (scripts/check-test-env.mjs): one line naming what the end-to-end
 * tests miss — Chromium where tests/support/chromium.ts looks for it, a Chinese font — and the one
 * command that brings it; nothing when all is there.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumPath, isExecutableFile, testEnvProblem } from '../../scripts/check-test-env.mjs';
import { ROOT } from '../support/run-cli';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('ziping-test-env-');
const FONTS = 'Noto Sans CJK SC,Noto Sans CJK SC Regular\n';

describe('the test environment check', () => {
  it('passes with an executable browser and a Chinese font', () => {
    const env = { ZIPING_CHROMIUM: process.execPath };
    expect(testEnvProblem({ env, fonts: () => FONTS })).toBeNull();
  });

  it('names the missing Chromium and the command that installs it, in one line', () => {
    const problem = testEnvProblem({ env: {}, isExecutable: () => false, fonts: () => FONTS });
    expect(problem).toBe(
      '端到端测试缺少 Chromium 浏览器：请先运行 sudo apt-get install -y chromium（或设置 ZIPING_CHROMIUM=浏览器路径）',
    );
  });

  it('looks where the tests look: ZIPING_CHROMIUM, else /usr/bin/chromium', () => {
    const asked: string[] = [];
    const isExecutable = (file: string) => (asked.push(file), true);
    testEnvProblem({ env: {}, isExecutable, fonts: () => FONTS });
    testEnvProblem({ env: { ZIPING_CHROMIUM: '/opt/浏览器/chrome' }, isExecutable, fonts: () => FONTS });
    expect(asked).toEqual(['/usr/bin/chromium', '/opt/浏览器/chrome']);
    expect(chromiumPath({})).toBe('/usr/bin/chromium');
  });

  it('a ZIPING_CHROMIUM that is not there is named, with how to correct it', () => {
    const fake = join(tempDir(), 'no-such-chromium');
    const problem = testEnvProblem({ env: { ZIPING_CHROMIUM: fake }, fonts: () => FONTS });
    expect(problem).toContain(`ZIPING_CHROMIUM 指向的 ${fake} 不存在或不能运行`);
    expect(problem).toContain('sudo apt-get install -y chromium');
    expect(problem).toContain('取消 ZIPING_CHROMIUM');
    expect(problem).not.toContain('\n');
  });

  it('a file that is not executable, or a folder, is no browser', () => {
    const plain = join(tempDir(), 'chromium.txt');
    writeFileSync(plain, '');
    chmodSync(plain, 0o644);
    expect(isExecutableFile(plain)).toBe(false);
    expect(isExecutableFile(tempDir())).toBe(false);
    expect(isExecutableFile(process.execPath)).toBe(true);
  });

  it('no Chinese font: fonts-noto-cjk; no fc-list to ask: fontconfig too', () => {
    const env = { ZIPING_CHROMIUM: process.execPath };
    expect(testEnvProblem({ env, fonts: () => '' })).toBe(
      '端到端测试缺少中文字体：请先运行 sudo apt-get install -y fonts-noto-cjk',
    );
    expect(testEnvProblem({ env, fonts: () => null })).toBe(
      '端到端测试缺少中文字体：请先运行 sudo apt-get install -y fontconfig fonts-noto-cjk',
    );
  });

  it('both missing: one line, one command', () => {
    const problem = testEnvProblem({ env: {}, isExecutable: () => false, fonts: () => '' });
    expect(problem).toBe(
      '端到端测试缺少 Chromium 浏览器和中文字体：请先运行 sudo apt-get install -y chromium fonts-noto-cjk（或设置 ZIPING_CHROMIUM=浏览器路径）',
    );
  });

  it('run by npm test: the line on stderr and a failing exit, at once', () => {
    const fake = join(tempDir(), 'no-such-chromium');
    const run = spawnSync(process.execPath, ['scripts/check-test-env.mjs'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ZIPING_CHROMIUM: fake },
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      new RegExp(`^端到端测试缺少 Chromium 浏览器（ZIPING_CHROMIUM 指向的 ${fake} .*\n$`),
    );
  }, 60_000);
});
