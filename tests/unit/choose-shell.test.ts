/**
 * The desktop shell's one file dialog, 'dialog/choose': the request reaches the platform's dialog
 * as parsed, the answer is the paths chosen (none when cancelled), and nothing is opened by it
 * (比较… only reads the file chosen).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { parseShellArgs, type ChooseRequest } from '../../shared/contract';
import { SettingsStore } from '../../electron/main/settings';
import { DocumentWindows } from '../../electron/main/windows';
import { FakePlatform } from '../support/fake-shell';

let dir: string;
let platform: FakePlatform;
let windows: DocumentWindows;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ziping-choose-shell-'));
  const dataDir = path.join(dir, 'data');
  platform = new FakePlatform();
  windows = new DocumentWindows(platform, dataDir, new SettingsStore(dataDir));
});
afterEach(async () => {
  for (const w of platform.windows) await windows.closed(w.id);
  rmSync(dir, { recursive: true, force: true });
});

const COMPARE: ChooseRequest = {
  mode: 'open',
  title: '比较：选择另一个文档',
  kinds: ['.ziping'],
  confirm: '选定',
};

it('answers the paths chosen (none when cancelled) and opens nothing', async () => {
  await windows.openFromCommandLine([], dir);
  expect(await windows.shell['dialog/choose'](1, COMPARE)).toEqual({ ok: true, value: [] });
  const other = path.join(dir, '去年.ziping');
  platform.openAnswers.push(other);
  expect(await windows.shell['dialog/choose'](1, COMPARE)).toEqual({ ok: true, value: [other] });
  expect(platform.chooseRequests).toEqual([COMPARE, COMPARE]);
  expect(platform.windows).toHaveLength(1);
  expect(windows.serviceFor(1)?.current).toBeNull();
});

it('asks a save as a save dialog, with the name proposed', async () => {
  await windows.openFromCommandLine([], dir);
  const target = path.join(dir, '导出.xlsx');
  platform.saveAnswers.push(target);
  const request: ChooseRequest = {
    mode: 'save',
    title: '导出 Excel',
    kinds: ['.xlsx'],
    suggested: path.join(dir, '甲.xlsx'),
    confirm: '导出',
  };
  expect(await windows.shell['dialog/choose'](1, request)).toEqual({ ok: true, value: [target] });
  expect(platform.asked).toEqual([`save:${path.join(dir, '甲.xlsx')}`]);
  expect(parseShellArgs('dialog/choose', request)).toEqual({ ok: true, value: request });
});
