/**
 * Small settings of the window kept between runs (the checks panel's height and whether it is
 * open): in the page's localStorage, so they need no call to the services. A value that is
 * missing, unreadable or out of range gives the default; storage refused (private mode) is ignored.
 */

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(`ziping.${key}`);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    window.localStorage.setItem(`ziping.${key}`, value);
  } catch {
    // Not remembered this time; nothing the user typed depends on it.
  }
}

export function readNumberSetting(key: string, fallback: number, min: number, max: number): number {
  const n = Number(read(key));
  return read(key) !== null && Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

export function writeNumberSetting(key: string, value: number): void {
  write(key, String(Math.round(value)));
}

export function readFlagSetting(key: string, fallback: boolean): boolean {
  const v = read(key);
  return v === null ? fallback : v === 'true';
}

export function writeFlagSetting(key: string, value: boolean): void {
  write(key, String(value));
}
