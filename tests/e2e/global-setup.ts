/**
 * Once per run, before any end-to-end file: the renderer is built for shipping and ONE Chromium is
 * started, which every file connects to (each with its own contexts). Twelve files used to build
 * the renderer and start a Chromium each, most of the suite's time on a 2-core machine.
 */
import type { TestProject } from 'vitest/node';
import { buildRenderer } from '../../electron/web/build-renderer';
import { launchChromiumServer } from '../support/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared Chromium's Playwright endpoint; absent outside the e2e project. */
    chromiumEndpoint?: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [, server] = await Promise.all([buildRenderer(), launchChromiumServer()]);
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return () => server.close();
}
