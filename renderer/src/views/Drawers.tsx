/**
 * The panels around the form as drawers (issue #19): the sidebar of forms, resizable, or folded
 * to a rail of icons (by the user, or on its own when the window is narrow), and the review panel
 * and history drawer with an edge to drag. Sizes and the sidebar's state are view settings.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { clampView } from '../../../shared/view-settings';
import { useViewSettings, viewSettings } from '../state/viewSettings';
import { ResizeHandle } from './ResizeHandle';

/**
 * Below these window widths (CSS pixels) the sidebar folds to a rail when left on 'auto': the
 * table keeps its columns without scrolling sideways (1366 with the review panel, 125% zoom).
 */
const RAIL_BELOW = 1200;
const RAIL_BELOW_WITH_REVIEW = 1400;

function useWindowWidth(): number {
  const [width, setWidth] = useState(() => window.innerWidth);
  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return width;
}

interface SidebarProps {
  children: ReactNode;
  /** The review panel is open beside the form (it takes width too). */
  reviewOpen: boolean;
  onSummary: () => void;
  onStep: (step: 1 | -1) => void;
}

export function SidebarDrawer({ children, reviewOpen, onSummary, onStep }: SidebarProps) {
  const { sidebar, sidebarWidth } = useViewSettings();
  const width = useWindowWidth();
  const rail =
    sidebar === 'rail' || (sidebar === 'auto' && width < (reviewOpen ? RAIL_BELOW_WITH_REVIEW : RAIL_BELOW));
  if (rail) {
    const buttons: Array<[icon: string, label: string, title: string, act: () => void]> = [
      ['☰', '展开表格列表', '展开表格列表', () => viewSettings.set({ sidebar: 'open' })],
      ['Σ', '汇总', '汇总', onSummary],
      ['▲', '上一张表', '上一张表（Ctrl+PageUp）', () => onStep(-1)],
      ['▼', '下一张表', '下一张表（Ctrl+PageDown）', () => onStep(1)],
    ];
    return (
      <nav className="sidebar-rail" aria-label="表格列表（已收起）" data-testid="sidebar-rail">
        {buttons.map(([icon, label, title, act]) => (
          <button key={label} type="button" onClick={act} title={title} aria-label={label}>
            {icon}
          </button>
        ))}
      </nav>
    );
  }
  return (
    <div className="sidebar-drawer" style={{ width: sidebarWidth }} data-testid="sidebar-drawer">
      {children}
      <button
        type="button"
        className="sidebar-collapse"
        onClick={() => viewSettings.set({ sidebar: 'rail' })}
        title="收起表格列表，给表格更多空间"
        aria-label="收起表格列表"
      >
        «
      </button>
      <ResizeHandle
        axis="x"
        grow={1}
        size={sidebarWidth}
        onResize={(w) => viewSettings.set({ sidebarWidth: clampView('sidebarWidth', w) })}
        label="表格列表的宽度"
        testId="sidebar-resize"
      />
    </div>
  );
}

/** The drawers beside and under the form: which setting holds their size, which edge resizes. */
const PANELS = {
  review: { key: 'reviewWidth', axis: 'x', label: '批注与审核面板的宽度' },
  history: { key: 'historyHeight', axis: 'y', label: '修改记录的高度' },
} as const;

/**
 * The review panel at the right (its left edge dragged) or the history drawer under the form
 * (its top edge dragged).
 */
export function PanelDrawer({ panel, children }: { panel: keyof typeof PANELS; children: ReactNode }) {
  const { key, axis, label } = PANELS[panel];
  const size = useViewSettings()[key];
  return (
    <div
      className={`${panel}-drawer`}
      style={axis === 'x' ? { width: size } : { height: size }}
      data-testid={`${panel}-drawer`}
    >
      <ResizeHandle
        axis={axis}
        grow={-1}
        size={size}
        onResize={(v) => viewSettings.set({ [key]: clampView(key, v) })}
        label={label}
        testId={`${panel}-resize`}
      />
      {children}
    </div>
  );
}
