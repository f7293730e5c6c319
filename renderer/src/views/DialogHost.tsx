/** The editor's modal dialog: the current question of the Dialogs service, if any. */
import { useRef, useSyncExternalStore } from 'react';
import type { Dialogs } from '../state/dialogs';
import { useModalFocus } from './useModalFocus';

export function DialogHost({ dialogs }: { dialogs: Dialogs }) {
  const open = useSyncExternalStore(dialogs.subscribe, dialogs.get);
  const box = useRef<HTMLDivElement | null>(null);
  // Esc dismisses (answer null) wherever the focus is; the primary choice has the focus.
  useModalFocus(box, () => open?.answer(null), open);

  if (!open) return null;
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-label={open.title}
        data-testid="dialog"
        ref={box}
      >
        <h2 className="dialog-title">{open.title}</h2>
        <p className="dialog-message">{open.message}</p>
        <div className="dialog-buttons">
          {open.choices.map((c) => (
            <button
              key={c.id}
              type="button"
              className={c.danger ? 'danger' : c.primary ? 'primary' : undefined}
              onClick={() => open.answer(c.id)}
              data-testid={`dialog-${c.id}`}
            >
              {c.label}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
