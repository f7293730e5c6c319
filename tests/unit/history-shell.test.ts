/** 比较… in the desktop shell: the document open dialog chooses the file, which is not opened. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { parseShellArgs } from '../../shared/contract';
import { SettingsStore } from '../../electron/main/settings';
import { DocumentWindows } from '../../electron/main/windows';
import { FakePlatform } from '../support/fake-shell';

let dir: string;
let platform: FakePlatform;
let windows: DocumentWindows;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ziping-compare-shell-'));
  const dataDir = path.join(dir, 'data');
  platform = new FakePlatform();
  windows = new DocumentWindows(platform, dataDir, new SettingsStore(dataDir));
});
afterEach(async () => {
  for (const w of platform.windows) await windows.closed(w.id);
  rmSync(dir, { recursive: true, force: true });
});

it('dialog/compareDocument answers the chosen path (null when cancelled) and opens nothing', async () => {
  await windows.openFromCommandLine([], dir);
  expect(await windows.shell['dialog/compareDocument'](1, {})).toEqual({ ok: true, value: null });
  const other = path.join(dir, '去年.ziping');
  platform.openAnswers.push(other);
  expect(await windows.shell['dialog/compareDocument'](1, {})).toEqual({ ok: true, value: other });
  expect(platform.windows).toHaveLength(1);
  expect(windows.serviceFor(1)?.current).toBeNull();
  expect(parseShellArgs('dialog/compareDocument', {})).toEqual({ ok: true, value: {} });
});
