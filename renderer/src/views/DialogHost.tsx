/** The editor's modal dialog: the current question of the Dialogs service, if any. */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { Dialogs } from '../state/dialogs';

export function DialogHost({ dialogs }: { dialogs: Dialogs }) {
  const open = useSyncExternalStore(dialogs.subscribe, dialogs.get);
  const primary = useRef<HTMLButtonElement | null>(null);
  const returnTo = useRef<Element | null>(null);

  useEffect(() => {
    if (!open) return;
    returnTo.current = document.activeElement;
    primary.current?.focus();
    return () => {
      if (returnTo.current instanceof HTMLElement) returnTo.current.focus();
    };
  }, [open]);

  if (!open) return null;
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-label={open.title}
        data-testid="dialog"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            open.answer(null);
          }
        }}
      >
        <h2 className="dialog-title">{open.title}</h2>
        <p className="dialog-message">{open.message}</p>
        <div className="dialog-buttons">
          {open.choices.map((c) => (
            <button
              key={c.id}
              type="button"
              ref={c.primary ? primary : undefined}
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
