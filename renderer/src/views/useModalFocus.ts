/**
 * What every dialog and popover does with the keyboard: on opening it takes the focus (its
 * autofocus box, primary button or first control, else itself), Esc closes it wherever the focus
 * is, and on closing the focus goes back where it was. Only the newest open one answers Esc, so
 * a question asked over a popover closes first.
 */
import { useEffect, useRef, type RefObject } from 'react';

const stack: object[] = [];

const FOCUSABLE = [
  '[autofocus]',
  '.primary',
  'input:not([type="hidden"]):not([disabled])',
  'textarea:not([disabled])',
  'select:not([disabled])',
  'button:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(', ');

/**
 * `shown`: whether the dialog is open; when it is an object (the question shown), a new one takes
 * the focus again.
 */
export function useModalFocus(
  ref: RefObject<HTMLElement | null>,
  onClose: () => void,
  shown: unknown = true,
): void {
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    if (!shown) return;
    const me = {};
    stack.push(me);
    const returnTo = document.activeElement;
    const el = ref.current;
    if (el && !el.contains(document.activeElement)) {
      el.querySelector<HTMLElement>(FOCUSABLE)?.focus();
      // Nothing in it can take the focus: the dialog itself does, so Esc and Tab start there.
      if (!el.contains(document.activeElement)) {
        el.tabIndex = -1;
        el.focus();
      }
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.isComposing || stack[stack.length - 1] !== me) return;
      // A popover left open while typing elsewhere (a cell's editor) leaves that Esc alone.
      const focus = document.activeElement;
      if (focus && focus !== document.body && !ref.current?.contains(focus)) return;
      e.preventDefault();
      e.stopPropagation();
      close.current();
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      stack.splice(stack.indexOf(me), 1);
      // Back to where the focus was, unless the dialog moved it on purpose (a cell it showed).
      const focusLost = !document.activeElement || document.activeElement === document.body;
      if (focusLost && returnTo instanceof HTMLElement && returnTo.isConnected) returnTo.focus();
    };
  }, [shown, ref]);
}
