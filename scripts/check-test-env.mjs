// First step of `npm test`: the end-to-end tests drive Debian's Chromium and need a Chinese font
// for what they measure and photograph. Without them the suite failed minutes in, once per file,
// in Playwright's words; this says at once, in one line, what is missing and the command that
// brings it.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The browser the tests launch (tests/support/chromium.ts): ZIPING_CHROMIUM or Debian's. */
export function chromiumPath(env = process.env) {
  return env['ZIPING_CHROMIUM'] || '/usr/bin/chromium';
}

/** @param {string} file */
export function isExecutableFile(file) {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Families of the installed fonts that cover Chinese, one a line; null without fontconfig's fc-list.
 * @returns {string | null}
 */
export function chineseFontFamilies() {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return null;
  }
}

/**
 * The one line saying what the tests miss and how to get it, or null when nothing is missing.
 * @param {{ env?: NodeJS.ProcessEnv, isExecutable?: (file: string) => boolean, fonts?: () => string | null }} [probe]
 * @returns {string | null}
 */
export function testEnvProblem(probe = {}) {
  const { env = process.env, isExecutable = isExecutableFile, fonts = chineseFontFamilies } = probe;
  const missing = [];
  const packages = [];
  const browser = chromiumPath(env);
  if (!isExecutable(browser)) {
    const why = env['ZIPING_CHROMIUM'] ? `（ZIPING_CHROMIUM 指向的 ${browser} 不存在或不能运行）` : '';
    missing.push(` Chromium 浏览器${why}`);
    packages.push('chromium');
  }
  const families = fonts();
  if (families === null || families.trim() === '') {
    missing.push('中文字体');
    // Without fc-list the fonts cannot be listed: fontconfig brings it.
    packages.push(...(families === null ? ['fontconfig'] : []), 'fonts-noto-cjk');
  }
  if (missing.length === 0) return null;
  const browserHint = !packages.includes('chromium')
    ? ''
    : env['ZIPING_CHROMIUM']
      ? '，再取消 ZIPING_CHROMIUM 或把它设为浏览器的路径'
      : '（或设置 ZIPING_CHROMIUM=浏览器路径）';
  return `端到端测试缺少${missing.join('和')}：请先运行 sudo apt-get install -y ${packages.join(' ')}${browserHint}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problem = testEnvProblem();
  if (problem !== null) {
    process.stderr.write(`${problem}\n`);
    process.exitCode = 1;
  }
}
