/**
 * A text box that commits when it loses focus (or on Enter for one-line fields); Esc puts back
 * the value it had. While it has focus, changes from elsewhere do not overwrite the typing.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import { afterPaint } from '../state/afterPaint';

interface Props {
  value: string;
  onCommit: (value: string) => void;
  multiline?: boolean;
  readOnly?: boolean;
  label?: string;
  placeholder?: string;
  /** Tooltip. */
  title?: string;
  className?: string;
  testId?: string;
  /** Where findings point at this box (`header:projectName`, `goals:expected`, `analysis:标题`). */
  focusKey?: string;
}

export function TextField({
  value,
  onCommit,
  multiline,
  readOnly,
  label,
  placeholder,
  title,
  className,
  testId,
  focusKey,
}: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const cancelled = useRef(false);
  const shown = draft ?? value;

  // Bumped by each commit, focus and keystroke: a commit's late clearing of the draft is for that
  // commit only, never over newer typing.
  const turn = useRef(0);

  const commit = () => {
    const typed = !cancelled.current && draft !== null && draft !== value;
    cancelled.current = false;
    if (!typed) {
      setDraft(null);
      return;
    }
    onCommit(draft);
    // The new value comes back from the store, in views that follow it after the paint
    // (state/afterPaint.ts) a frame late: the typed text stays shown till then, not the old one.
    const mine = ++turn.current;
    void afterPaint().then(() => {
      if (turn.current === mine) setDraft(null);
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Escape') {
      cancelled.current = true;
      e.currentTarget.blur();
    } else if (e.key === 'Enter' && !multiline && !e.nativeEvent.isComposing) {
      commit();
    }
  };

  const common = {
    value: shown,
    readOnly,
    placeholder,
    title,
    'aria-label': label,
    className,
    'data-testid': testId,
    'data-focus-key': focusKey,
    // Typing not yet committed: Ctrl+Z undoes it in the box, not the app's last step.
    'data-dirty': draft !== null && draft !== value ? 'true' : undefined,
    onFocus: () => {
      turn.current++;
      setDraft(value);
    },
    onChange: (e: { target: { value: string } }) => {
      turn.current++;
      setDraft(e.target.value);
    },
    onBlur: commit,
    onKeyDown,
  };
  return multiline ? <textarea {...common} /> : <input {...common} />;
}
