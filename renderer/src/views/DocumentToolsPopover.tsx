/**
 * 更多: 生成自评报告, 新建下一年度文档, 导入绩效目标申报表, 导入/导出指标库 — pick one, go: browser
 * mode then asks where with the file chooser; the desktop (which has them in the 文件 menu with
 * native dialogs) takes a typed path here.
 */
import { useState, type FormEvent } from 'react';
import { shell } from '../api/client';
import type { DocumentStore } from '../state/documentStore';
import { fileChooser } from '../state/fileChooser';
import { nextYearPath, suggestedPath } from '../state/fileNames';
import type { DocumentTool, DocumentTools } from './useDocumentTools';

interface Props {
  store: DocumentStore;
  tools: DocumentTools;
  onClose: () => void;
}

/** The kind of file each tool writes or reads (the chooser's filter). */
const KINDS = {
  exportReport: '.docx',
  rollover: '.ziping',
  importTargets: '.xlsx',
  importLibrary: '.xlsx',
  exportLibrary: '.xlsx',
} as const satisfies Record<DocumentTool, string>;

const TOOLS: ReadonlyArray<{ id: DocumentTool; label: string; title: string; writes: boolean }> = [
  {
    id: 'exportReport',
    label: '生成自评报告',
    title: '由文档中的表生成部门整体支出绩效自评报告（Word .docx）',
    writes: true,
  },
  {
    id: 'rollover',
    label: '新建下一年度文档',
    title: '带入每张表的指标、权重和指标值，清空完成值和得分',
    writes: true,
  },
  {
    id: 'importTargets',
    label: '导入绩效目标申报表',
    title: '由申报表（.xlsx）新增表格：指标、指标值、分值和资金',
    writes: false,
  },
  {
    id: 'importLibrary',
    label: '导入指标库',
    title: '把主管部门下发的指标库（.xlsx）加入自己的指标库',
    writes: false,
  },
  {
    id: 'exportLibrary',
    label: '导出指标库',
    title: '把自己的指标库（含本文档的指标）导出为 .xlsx，供下发或备份',
    writes: true,
  },
];

function defaultPath(store: DocumentStore, tool: DocumentTool): string {
  switch (tool) {
    case 'exportReport':
      return suggestedPath(store, 'docx', '-自评报告');
    case 'rollover':
      return nextYearPath(store);
    case 'exportLibrary':
      return suggestedPath(store, 'xlsx', '-指标库');
    default:
      return '';
  }
}

export function DocumentToolsPopover({ store, tools, onClose }: Props) {
  const [tool, setTool] = useState<DocumentTool>('exportReport');
  const [path, setPath] = useState(() => defaultPath(store, 'exportReport'));
  const [busy, setBusy] = useState(false);
  const chosen = TOOLS.find((t) => t.id === tool);
  const readOnlyRefused = store.status.readOnly && tool === 'importTargets';

  /** Browser mode: where, asked in the file chooser; the desktop: the typed path. */
  const target = async (): Promise<string | null> => {
    if (shell) return path.trim() === '' ? null : path.trim();
    return fileChooser.choose({
      mode: chosen?.writes ? 'save' : 'open',
      title: chosen?.label ?? '选择文件',
      kinds: [KINDS[tool]],
      suggested: path,
      confirm: chosen?.writes ? '保存' : '打开',
    });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || readOnlyRefused) return;
    setBusy(true);
    try {
      const where = await target();
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
              onChange={() => {
                setTool(t.id);
                setPath(defaultPath(store, t.id));
              }}
              data-testid={`tool-${t.id}`}
            />
            {t.label}
          </label>
        ))}
      </fieldset>
      {shell && (
        <label>
          {chosen?.writes ? '保存到' : '文件'}
          <input
            autoFocus
            value={path}
            onChange={(e) => setPath(e.target.value)}
            placeholder={chosen?.writes ? '' : '要读入的 .xlsx 文件的完整路径'}
            title={chosen?.title}
            data-testid="tool-path"
          />
        </label>
      )}
      <button type="submit" disabled={busy || readOnlyRefused} data-testid="tool-confirm">
        {shell ? (chosen?.label ?? '确定') : `${chosen?.label ?? '确定'}…`}
      </button>
      <button type="button" onClick={onClose}>
        取消
      </button>
    </form>
  );
}
