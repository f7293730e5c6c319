/** Debian's Chromium driven by playwright-core (its own browser download cannot run here). */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env['ZIPING_CHROMIUM'] ?? '/usr/bin/chromium';

/** No background networking: this machine's closed network refuses it, many times a start. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}
