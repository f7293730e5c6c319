/**
 * The shell's settings in the data folder (settings.json): the last window's size and position
 * and the recent documents. Read tolerantly (a damaged file gives defaults), written atomically.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../services/files';
import { samePath } from './argv';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface ShellSettings {
  window: WindowState | null;
  recent: string[];
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const RECENT_LIMIT = 10;
export const DEFAULT_SIZE = { width: 1280, height: 800 };
/** New windows beside an open one are moved by this much, so both title bars stay visible. */
export const CASCADE_STEP = 28;

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function readWindowState(v: unknown): WindowState | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  if (!isFiniteNumber(o.width) || !isFiniteNumber(o.height) || o.width < 200 || o.height < 150) return null;
  const state: WindowState = {
    width: Math.round(o.width),
    height: Math.round(o.height),
    maximized: o.maximized === true,
  };
  if (isFiniteNumber(o.x) && isFiniteNumber(o.y)) {
    state.x = Math.round(o.x);
    state.y = Math.round(o.y);
  }
  return state;
}

export function parseSettings(text: string): ShellSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { window: null, recent: [] };
  }
  if (typeof raw !== 'object' || raw === null) return { window: null, recent: [] };
  const o = raw as Record<string, unknown>;
  const recent = Array.isArray(o.recent)
    ? o.recent.filter((p): p is string => typeof p === 'string' && p !== '').slice(0, RECENT_LIMIT)
    : [];
  return { window: readWindowState(o.window), recent };
}

export class SettingsStore {
  private value: ShellSettings;
  readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'settings.json');
    let text = '';
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      // First run: defaults.
    }
    this.value = parseSettings(text);
  }

  get current(): ShellSettings {
    return this.value;
  }

  update(change: (s: ShellSettings) => ShellSettings): void {
    this.value = change(this.value);
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileAtomic(this.file, `${JSON.stringify(this.value, null, 2)}\n`);
    } catch {
      // Settings are a convenience: a read-only or full data folder must not stop the editor.
    }
  }
}

/** The recent list with `file` first, no duplicates, at most RECENT_LIMIT entries. */
export function withRecent(recent: readonly string[], file: string): string[] {
  return [file, ...recent.filter((p) => !samePath(p, file))].slice(0, RECENT_LIMIT);
}

/**
 * Where a new window goes: the remembered size and place, moved by CASCADE_STEP per window
 * already open, and back to the default place when it would not be visible on any screen
 * (a monitor unplugged since).
 */
export function placeWindow(
  saved: WindowState | null,
  workAreas: readonly Rect[],
  openWindows: number,
): WindowState {
  const base: WindowState = saved ?? { ...DEFAULT_SIZE, maximized: false };
  const area = workAreas[0];
  const width = area ? Math.min(base.width, area.width) : base.width;
  const height = area ? Math.min(base.height, area.height) : base.height;
  if (base.x === undefined || base.y === undefined) return { width, height, maximized: base.maximized };
  const x = base.x + openWindows * CASCADE_STEP;
  const y = base.y + openWindows * CASCADE_STEP;
  const visible = workAreas.some((a) => overlap(a, { x, y, width, height }) >= 0.5 * width * height);
  return visible
    ? { x, y, width, height, maximized: base.maximized }
    : { width, height, maximized: base.maximized };
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}
