/** The 地区样式 picker (new document, and the open document's toolbar). */
import type { LayoutId } from '../../../shared/model/types';
import { LAYOUT_CHOICES } from '../layout/names';

interface Props {
  value: LayoutId;
  onChange: (layout: LayoutId) => void;
  disabled?: boolean;
  testId: string;
}

export function LayoutSelect({ value, onChange, disabled, testId }: Props) {
  return (
    <select
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value as LayoutId)}
      data-testid={testId}
    >
      {LAYOUT_CHOICES.map((l) => (
        <option key={l.id} value={l.id}>
          {l.name}
        </option>
      ))}
    </select>
  );
}
