/**
 * Which Chromium prints the PDF: the one asked for (--chromium), else ZIPING_CHROMIUM, else the
 * system's (Linux packages, then Edge or Chrome on Windows). Null when none is there.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

function systemCandidates(env: NodeJS.ProcessEnv): string[] {
  const linux = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const roots = [env['ProgramFiles'], env['ProgramFiles(x86)'], env['LOCALAPPDATA']].filter(
    (r): r is string => typeof r === 'string' && r !== '',
  );
  const windows = roots.flatMap((root) => [
    path.win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
  ]);
  return process.platform === 'win32' ? windows : linux;
}

/** An explicit path is taken as given (checked to exist); the others are tried in order. */
export function findChromium(
  explicit: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  if (explicit !== undefined) return existsSync(explicit) ? explicit : null;
  const fromEnv = env['ZIPING_CHROMIUM'];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return systemCandidates(env).find((p) => existsSync(p)) ?? null;
}

export const NO_CHROMIUM =
  '找不到 Chromium 浏览器，无法生成 PDF：请安装 Chromium、Chrome 或 Edge，或用 --chromium 路径（或环境变量 ZIPING_CHROMIUM）指定浏览器程序';
