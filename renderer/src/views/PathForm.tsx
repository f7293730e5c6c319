/** A typed path and 保存 / 取消 (browser mode has no save dialog): 另存为, 审核文件另存为. */
import type { FormEvent } from 'react';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  onSubmit: (e: FormEvent) => void;
  onCancel: () => void;
  busy?: boolean;
  testId: string;
}

export function PathForm({ label, value, onChange, placeholder, onSubmit, onCancel, busy, testId }: Props) {
  return (
    <form className="toolbar-popover" onSubmit={onSubmit}>
      <label>
        {label}
        <input
          autoFocus
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder={placeholder}
          data-testid={`${testId}-path`}
        />
      </label>
      <button type="submit" disabled={busy} data-testid={`${testId}-confirm`}>
        保存
      </button>
      <button type="button" onClick={onCancel}>
        取消
      </button>
    </form>
  );
}
