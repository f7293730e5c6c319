/** Debian's Chromium driven by playwright-core (its own browser download cannot run here). */
import { chromium, type Browser, type BrowserServer } from 'playwright-core';
import { chromiumPath } from '../../scripts/check-test-env.mjs';

/** ZIPING_CHROMIUM or Debian's; `npm test` checks it is there before it starts (check-test-env). */
export const CHROMIUM_PATH = chromiumPath();

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

const LAUNCH = { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true };

export function launchChromium(): Promise<Browser> {
  return chromium.launch(LAUNCH);
}

/** A Chromium that several test files share: each connects to it (tests/e2e/global-setup.ts). */
export function launchChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer(LAUNCH);
}

/** A connection to the shared Chromium; closing it closes this connection's contexts only. */
export function connectChromium(endpoint: string): Promise<Browser> {
  return chromium.connect(endpoint);
}
