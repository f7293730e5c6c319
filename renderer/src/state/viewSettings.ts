/**
 * The window's view settings (shared/view-settings.ts) as the editor uses them: read once from
 * the data folder, changed at once on screen, written back a moment after the last change (a drag
 * of a panel's edge is one write, not one per pixel).
 */
import { useSyncExternalStore } from 'react';
import { invoke } from '../api/client';
import {
  DEFAULT_VIEW_SETTINGS,
  type ViewSettings,
  type ViewSettingsChange,
} from '../../../shared/view-settings';

const WRITE_DELAY_MS = 400;

export class ViewSettingsStore {
  private value: ViewSettings = DEFAULT_VIEW_SETTINGS;
  private readonly listeners = new Set<() => void>();
  private unsaved: ViewSettingsChange = {};
  private timer: ReturnType<typeof setTimeout> | undefined;
  private loading: Promise<void> | null = null;
  /** Where a failed write is told (the status bar). */
  onError: (message: string) => void = () => undefined;

  get = (): ViewSettings => this.value;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Reads the stored settings (once per window); what was changed meanwhile wins. */
  load(): Promise<void> {
    this.loading ??= invoke('view/get', {}).then((r) => {
      if (r.ok) this.update({ ...r.value, ...this.unsaved });
    });
    return this.loading;
  }

  set(change: ViewSettingsChange): void {
    this.update({ ...this.value, ...change });
    this.unsaved = { ...this.unsaved, ...change };
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.write(), WRITE_DELAY_MS);
  }

  /** Writes what changed now (tests and closing windows need not wait for the delay). */
  async write(): Promise<void> {
    clearTimeout(this.timer);
    const change = this.unsaved;
    if (Object.keys(change).length === 0) return;
    this.unsaved = {};
    const r = await invoke('view/set', { change });
    if (!r.ok) this.onError(`显示设置未能保存：${r.error.message}`);
  }

  private update(next: ViewSettings): void {
    this.value = next;
    for (const l of this.listeners) l();
  }
}

/** One per window. */
export const viewSettings = new ViewSettingsStore();

export function useViewSettings(): ViewSettings {
  return useSyncExternalStore(viewSettings.subscribe, viewSettings.get);
}
