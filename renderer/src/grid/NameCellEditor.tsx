/**
 * The 三级指标 editor: a text box that offers indicators from the library (this document's, the
 * user's earlier ones, the starter set) matching what is typed, the line's 二级 first. Picking one
 * names the line; its usual target and rule then fill the line's empty cells (libraryFill.ts).
 */
import { useId, useMemo } from 'react';
import type { CustomCellEditorProps } from 'ag-grid-react';
import { suggestIndicators } from '../../../shared/library/indicator-library';
import type { Indicator } from '../../../shared/model/types';
import type { IndicatorGridContext } from './indicatorContext';
import { useEditorText } from './useEditorText';

export function NameCellEditor(props: CustomCellEditorProps<Indicator, string>) {
  const listId = useId();
  const context = props.context as IndicatorGridContext;
  const library = useMemo(() => context.library(), [context]);
  const { input, text, onChange } = useEditorText(props);
  const options = useMemo(
    () => suggestIndicators(library, { text, level1: props.data?.level1, level2: props.data?.level2 }),
    [library, text, props.data],
  );

  return (
    <>
      <input
        ref={input}
        className="ag-input-field-input ag-text-field-input name-editor"
        list={listId}
        value={text}
        aria-label="三级指标"
        onChange={onChange}
      />
      <datalist id={listId} data-testid="name-suggestions">
        {options.map((o) => (
          <option key={o.name} value={o.name} label={[o.level2, o.target].filter(Boolean).join(' · ')} />
        ))}
      </datalist>
    </>
  );
}
