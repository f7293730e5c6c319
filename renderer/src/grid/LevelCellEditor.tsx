/**
 * The 一级/二级指标 editor: a text box that offers the layout's level names (a datalist), so the
 * usual names are one pick away while the odd name a real form uses can still be typed.
 */
import { useId } from 'react';
import type { CustomCellEditorProps } from 'ag-grid-react';
import type { Indicator } from '../../../shared/model/types';
import type { IndicatorGridContext } from './indicatorContext';
import { useEditorText } from './useEditorText';

export function levelOptions(
  context: IndicatorGridContext,
  level: 'level1' | 'level2',
  row: Indicator | undefined,
): string[] {
  const levels = context.form && context.layout ? context.layout.kinds[context.form.kind].levels : {};
  if (level === 'level1') return Object.keys(levels);
  const under = row ? levels[row.level1] : undefined;
  return under ?? [...new Set(Object.values(levels).flat())];
}

export function LevelCellEditor(props: CustomCellEditorProps<Indicator, string>) {
  const listId = useId();
  const level = props.column.getColId() === 'level1' ? 'level1' : 'level2';
  const options = levelOptions(props.context as IndicatorGridContext, level, props.data);
  const { input, text, onChange } = useEditorText(props);

  return (
    <>
      <input
        ref={input}
        className="ag-input-field-input ag-text-field-input level-editor"
        list={listId}
        value={text}
        aria-label={level === 'level1' ? '一级指标' : '二级指标'}
        onChange={onChange}
      />
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
    </>
  );
}
