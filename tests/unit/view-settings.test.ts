/** The user's view settings (zoom, sidebar, panel sizes) in the data folder, through the contract. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppService } from '../../electron/services/handlers';
import { viewSettingsPath } from '../../electron/services/view-settings-store';
import { DEFAULT_VIEW_SETTINGS } from '../../shared/view-settings';
import { useTempDir } from '../support/temp-dir';

const tmp = useTempDir('ziping-view-');

function serviceIn(name: string): { service: AppService; dataDir: string } {
  const dataDir = join(tmp(), name);
  mkdirSync(dataDir, { recursive: true });
  return { service: new AppService(dataDir), dataDir };
}

describe('view settings', () => {
  it('start as the defaults and keep a change for the next start (another service on the same folder)', () => {
    const { service, dataDir } = serviceIn('a');
    expect(service.call('view/get', {})).toEqual({ ok: true, value: DEFAULT_VIEW_SETTINGS });
    const set = service.call('view/set', { change: { zoom: 125, sidebar: 'rail', reviewWidth: 280 } });
    expect(set.ok && set.value).toEqual({
      ...DEFAULT_VIEW_SETTINGS,
      zoom: 125,
      sidebar: 'rail',
      reviewWidth: 280,
    });
    expect(new AppService(dataDir).call('view/get', {})).toMatchObject({ ok: true, value: { zoom: 125 } });
    expect(JSON.parse(readFileSync(viewSettingsPath(dataDir), 'utf8'))).toMatchObject({ zoom: 125 });
  });

  it('refuse a zoom out of range with a Chinese message and keep what was stored', () => {
    const { service } = serviceIn('b');
    service.call('view/set', { change: { zoom: 80 } });
    const r = service.call('view/set', { change: { zoom: 20 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('应在 50 到 200 之间');
    expect(service.call('view/get', {})).toMatchObject({ ok: true, value: { zoom: 80 } });
  });

  it('read a damaged or hand-edited file as the defaults, field by field', () => {
    const { service, dataDir } = serviceIn('c');
    writeFileSync(viewSettingsPath(dataDir), '{ not json');
    expect(service.call('view/get', {})).toEqual({ ok: true, value: DEFAULT_VIEW_SETTINGS });
    writeFileSync(
      viewSettingsPath(dataDir),
      JSON.stringify({ zoom: 999, sidebar: 'open', sidebarWidth: 300 }),
    );
    const r = service.call('view/get', {});
    expect(r.ok && r.value).toEqual({ ...DEFAULT_VIEW_SETTINGS, sidebar: 'open', sidebarWidth: 300 });
  });
});
