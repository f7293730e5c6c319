/**
 * How the editor's window is arranged for this user (issue #19): the table's zoom, the sidebar
 * (open, a rail of icons, or chosen by the window's width) and the sizes of the panels the user
 * dragged. Kept in the data folder (electron/services/view-settings-store.ts); a value that is
 * missing or out of range falls back to its default, so a hand-edited file never stops the app.
 */
import { about, int, literal, obj, optional, refine, type Parser } from './contract/parse';

export const ZOOM_MIN = 50;
export const ZOOM_MAX = 200;
export const ZOOM_STEP = 10;

export type SidebarMode = 'auto' | 'open' | 'rail';

export interface ViewSettings {
  /** The form's zoom in percent (ZOOM_MIN–ZOOM_MAX). */
  zoom: number;
  /** 'auto': a rail when the window is narrow (or the review panel is open on a laptop screen). */
  sidebar: SidebarMode;
  sidebarWidth: number;
  reviewWidth: number;
  historyHeight: number;
}

export const DEFAULT_VIEW_SETTINGS: ViewSettings = {
  zoom: 100,
  sidebar: 'auto',
  sidebarWidth: 240,
  reviewWidth: 260,
  historyHeight: 220,
};

/** Each size's allowed range in pixels (a drag past it stops there). */
export const VIEW_LIMITS = {
  zoom: [ZOOM_MIN, ZOOM_MAX],
  sidebarWidth: [160, 480],
  reviewWidth: [220, 640],
  historyHeight: [100, 600],
} as const satisfies Record<string, readonly [number, number]>;

type Sized = keyof typeof VIEW_LIMITS;

export function clampView(key: Sized, value: number): number {
  const [min, max] = VIEW_LIMITS[key];
  return Math.min(max, Math.max(min, Math.round(value)));
}

const SIDEBAR = literal('auto', 'open', 'rail');

function sized(key: Sized): Parser<number> {
  const [min, max] = VIEW_LIMITS[key];
  return refine(
    int(),
    (v) => v >= min && v <= max,
    (field) => about(field, `应在 ${min} 到 ${max} 之间`),
  );
}

/** A change to some of the settings, as the renderer sends it. */
export const viewSettingsChange = obj({
  zoom: optional(sized('zoom')),
  sidebar: optional(SIDEBAR),
  sidebarWidth: optional(sized('sidebarWidth')),
  reviewWidth: optional(sized('reviewWidth')),
  historyHeight: optional(sized('historyHeight')),
});

export type ViewSettingsChange = Partial<ViewSettings>;

/** Settings read from a file: every field that is present and valid, the rest the defaults. */
export function readViewSettings(raw: unknown): ViewSettings {
  const out: ViewSettings = { ...DEFAULT_VIEW_SETTINGS };
  if (typeof raw !== 'object' || raw === null) return out;
  const o = raw as Record<string, unknown>;
  for (const key of Object.keys(VIEW_LIMITS) as Sized[]) {
    const r = sized(key)(o[key], key);
    if (r.ok) out[key] = r.value;
  }
  const sidebar = SIDEBAR(o.sidebar, 'sidebar');
  if (sidebar.ok) out.sidebar = sidebar.value;
  return out;
}
