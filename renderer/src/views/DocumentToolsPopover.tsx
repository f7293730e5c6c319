/**
 * 更多: 生成自评报告, 新建下一年度文档, 导入绩效目标申报表, 导入/导出指标库 — pick one, go: then
 * asked where with the file chooser (the desktop has them in the 文件 menu too).
 */
import { useState, type FormEvent } from 'react';
import type { DocumentStore } from '../state/documentStore';
import { chooseToolTarget, TOOLS } from './toolTargets';
import type { DocumentTool, DocumentTools } from './useDocumentTools';

interface Props {
  store: DocumentStore;
  tools: DocumentTools;
  onClose: () => void;
}

export function DocumentToolsPopover({ store, tools, onClose }: Props) {
  const [tool, setTool] = useState<DocumentTool>('exportReport');
  const [busy, setBusy] = useState(false);
  const chosen = TOOLS.find((t) => t.id === tool);
  const readOnlyRefused = store.status.readOnly && tool === 'importTargets';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || readOnlyRefused) return;
    setBusy(true);
    try {
      const where = await chooseToolTarget(store, tool);
      if (where !== null && (await tools.run(tool, where))) onClose();
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="toolbar-popover tools-popover"
      onSubmit={(e) => void submit(e)}
      data-testid="tools-panel"
    >
      <fieldset className="tool-choices">
        {TOOLS.map((t) => (
          <label key={t.id} className="checkbox" title={t.title}>
            <input
              type="radio"
              name="tool"
              checked={tool === t.id}
              onChange={() => setTool(t.id)}
              data-testid={`tool-${t.id}`}
            />
            {t.label}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={busy || readOnlyRefused} data-testid="tool-confirm">
        {`${chosen?.label ?? '确定'}…`}
      </button>
      <button type="button" onClick={onClose}>
        取消
      </button>
    </form>
  );
}
