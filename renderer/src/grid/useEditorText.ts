/**
 * The text of a custom cell editor as Excel starts it: typing on a cell begins the edit with that
 * character (counted as typed), F2 or a double click selects the value to replace it.
 */
import { useEffect, useRef, useState } from 'react';
import type { CustomCellEditorProps } from 'ag-grid-react';

export function useEditorText<T>(props: CustomCellEditorProps<T, string>) {
  const input = useRef<HTMLInputElement | null>(null);
  const typed = props.eventKey && props.eventKey.length === 1 ? props.eventKey : null;
  const [text, setText] = useState(() => typed ?? props.value ?? '');

  useEffect(() => {
    const el = input.current;
    if (!el) return;
    el.focus();
    if (typed === null) el.select();
    if (text !== (props.value ?? '')) props.onValueChange(text);
  }, []); // once, when the editor opens

  const onChange = (e: { target: { value: string } }) => {
    setText(e.target.value);
    props.onValueChange(e.target.value);
  };
  return { input, text, onChange };
}
