/**
 * The grids' context menu (AG Grid's is Enterprise-only): opened with the right mouse button,
 * the menu key or Shift+F10; arrows and Enter work in it, Esc or a click elsewhere closes it.
 */
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';

export type MenuItem =
  { id: string; label: string; shortcut?: string; disabled?: boolean; run: () => void } | 'separator';

export interface MenuAt {
  x: number;
  y: number;
  items: MenuItem[];
}

export function GridMenu({ menu, onClose }: { menu: MenuAt; onClose: () => void }) {
  const ref = useRef<HTMLDivElement | null>(null);
  const actionable = menu.items.filter((i) => i !== 'separator' && !i.disabled);
  const [active, setActive] = useState(0);

  useEffect(() => {
    ref.current?.focus();
    const away = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('mousedown', away, true);
    return () => window.removeEventListener('mousedown', away, true);
  }, [onClose]);

  const run = (item: MenuItem | undefined) => {
    if (!item || item === 'separator' || item.disabled) return;
    onClose();
    item.run();
  };

  // Keep the menu inside the window.
  const left = Math.min(menu.x, window.innerWidth - 240);
  const top = Math.min(menu.y, window.innerHeight - 32 * menu.items.length);
  // In a portal: the grid's own key handlers must not see the menu's keys.
  return createPortal(
    <div
      ref={ref}
      className="grid-menu"
      role="menu"
      tabIndex={-1}
      style={{ left: Math.max(0, left), top: Math.max(0, top) }}
      data-testid="grid-menu"
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') onClose();
        else if (e.key === 'ArrowDown') setActive((a) => (a + 1) % Math.max(1, actionable.length));
        else if (e.key === 'ArrowUp')
          setActive((a) => (a - 1 + actionable.length) % Math.max(1, actionable.length));
        else if (e.key === 'Enter') run(actionable[active]);
        else return;
        e.preventDefault();
      }}
    >
      {menu.items.map((item, i) =>
        item === 'separator' ? (
          <div key={`sep${i}`} className="grid-menu-separator" role="separator" />
        ) : (
          <button
            key={item.id}
            type="button"
            role="menuitem"
            className={`grid-menu-item${actionable[active] === item ? ' active' : ''}`}
            disabled={item.disabled}
            onMouseEnter={() => setActive(Math.max(0, actionable.indexOf(item)))}
            onClick={() => run(item)}
            data-testid={`menu-${item.id}`}
          >
            <span>{item.label}</span>
            {item.shortcut && <span className="grid-menu-shortcut">{item.shortcut}</span>}
          </button>
        ),
      )}
    </div>,
    document.body,
  );
}
