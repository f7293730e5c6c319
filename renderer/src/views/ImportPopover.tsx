/** 导入 (browser mode): the path of the file to import (forms, or review data), typed. */
import { useState, type FormEvent } from 'react';

interface Props {
  onImport: (paths: string[]) => Promise<void>;
  onClose: () => void;
  /** What to type (the forms' files unless told). */
  placeholder?: string;
}

export function ImportPopover({
  onImport,
  onClose,
  placeholder = 'Excel 工作簿（.xlsx）或表格 JSON（.json）的路径',
}: Props) {
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (path.trim() === '' || busy) return;
    setBusy(true);
    try {
      onClose();
      await onImport([path.trim()]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="toolbar-popover" onSubmit={(e) => void submit(e)} data-testid="import-panel">
      <label>
        导入文件
        <input
          autoFocus
          value={path}
          onChange={(e) => setPath(e.target.value)}
          placeholder={placeholder}
          data-testid="import-path"
        />
      </label>
      <button type="submit" disabled={busy} data-testid="import-confirm">
        导入
      </button>
      <button type="button" onClick={onClose}>
        取消
      </button>
    </form>
  );
}
