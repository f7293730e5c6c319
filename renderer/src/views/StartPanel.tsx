/**
 * 打开 or 新建 a document, chosen in the file chooser (the system's open dialog on the desktop,
 * the in-app folder browser in browser mode); both list the recent documents. An Excel workbook
 * chosen is offered for import into a new document.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { CallResult, OpenedDocument } from '../../../shared/contract';
import type { LayoutId } from '../../../shared/model/types';
import { validYear, YEAR_RULE } from '../../../shared/model/year';
import { parseNumberInput } from '../../../shared/values/input';
import { invoke, shell } from '../api/client';
import { fileCall } from '../api/files';
import { fileChooser } from '../state/fileChooser';
import { LayoutSelect } from './LayoutSelect';
import { RebuildOffer } from './RebuildOffer';
import { XlsxImportOffer } from './XlsxImportOffer';

interface Props {
  onOpened: (r: CallResult<OpenedDocument>) => boolean;
  /** 打开文件夹（多个单位）: the folders whose units the overview shows. */
  onUnits: (paths: string[]) => void;
}

export function StartPanel({ onOpened, onUnits }: Props) {
  const [mode, setMode] = useState<'edit' | 'readOnly' | 'review'>('edit');
  const [unit, setUnit] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const [layout, setLayout] = useState<LayoutId>('national');
  /** An Excel workbook chosen to open: offered for import into a new document. */
  const [workbook, setWorkbook] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [recent, setRecent] = useState<string[]>([]);
  /** A document refused for objects not ours whose data can be rebuilt as a clean copy. */
  const [refused, setRefused] = useState<{ path: string; mode: typeof mode } | null>(null);

  useEffect(() => {
    if (!shell) void fileCall('files/places', {}).then((r) => setRecent(r.ok ? r.value.recent : []));
    else void shell('shell/recentDocuments', {}).then((r) => setRecent(r.ok ? r.value : []));
  }, []);

  /**
   * Opens `path`, or asks first (null) in the file chooser: the desktop's shell opens a document
   * (this window reloads with it), browser mode's service opens it here; an Excel workbook is
   * offered for import into a new document.
   */
  const open = async (chosen: string | null) => {
    const path =
      chosen ??
      (await fileChooser.choose({
        mode: 'open',
        title: '打开文件',
        kinds: ['.ziping', '.xlsx'],
        confirm: '打开',
      }));
    if (path === null) return;
    setProblem(null);
    if (/\.xlsx$/i.test(path)) {
      setWorkbook(path);
      return;
    }
    // 打开方式 applies alike to a chosen file and to one from 最近打开.
    const how = { readOnly: mode === 'readOnly', review: mode === 'review' };
    if (shell) {
      const r = await shell('window/openDocument', { path, ...how });
      if (!r.ok) setProblem(r.error.message);
      return;
    }
    setBusy(true);
    setRefused(null);
    const r = await invoke('doc/open', { path, ...how });
    onOpened(r);
    if (!r.ok && r.error.canRebuild === true) setRefused({ path, mode });
    setBusy(false);
  };

  /** 打开文件夹（多个单位）: the folder picked in the file chooser. */
  const openUnits = async () => {
    const chosen = await fileChooser.choose({
      mode: 'folder',
      title: '选择各单位文档所在的文件夹',
      kinds: ['.ziping', '.xlsx'],
      confirm: '打开文件夹',
    });
    if (chosen !== null) onUnits([chosen]);
  };

  const create = async (e: FormEvent) => {
    e.preventDefault();
    const y = parseNumberInput(year, '年度');
    if (!y.ok || !validYear(y.value)) {
      setProblem(`年度应为${YEAR_RULE}`);
      return;
    }
    if (unit.trim() === '') {
      setProblem('请填写单位名称');
      return;
    }
    setBusy(true);
    setProblem(null);
    onOpened(await invoke('doc/new', { path: null, unit: unit.trim(), year: y.value, layout }));
    setBusy(false);
  };

  return (
    <div className="start-panel" data-testid="start-panel">
      <h1>自评表编辑器</h1>
      <p className="start-hint">预算绩效自评表的离线编辑器：打开已有文档，或新建一个单位、一个年度的文档。</p>
      {problem && (
        <div className="start-problem" role="alert">
          {problem}
        </div>
      )}
      {refused && (
        <RebuildOffer
          key={refused.path}
          from={refused.path}
          readOnly={refused.mode === 'readOnly'}
          review={refused.mode === 'review'}
          onOpened={onOpened}
        />
      )}
      {workbook && (
        <XlsxImportOffer
          key={workbook}
          workbook={workbook}
          year={Number(year) || new Date().getFullYear() - 1}
          onOpened={onOpened}
          onCancel={() => setWorkbook(null)}
        />
      )}
      <form
        className="start-card"
        onSubmit={(e) => {
          e.preventDefault();
          void open(null);
        }}
      >
        <h2>打开文件</h2>
        {recent.length > 0 && (
          <ul className="recent-list" aria-label="最近打开">
            {recent.map((p) => (
              <li key={p}>
                <button type="button" className="link-button" title={p} onClick={() => void open(p)}>
                  {p.split(/[\\/]/).pop()}
                </button>
              </li>
            ))}
          </ul>
        )}
        <label>
          打开方式
          <select
            value={mode}
            onChange={(e) => setMode(e.target.value as typeof mode)}
            data-testid="open-mode"
          >
            <option value="edit">编辑</option>
            <option value="readOnly">只读</option>
            <option value="review">审核（只写批注、核查分数和审核状态）</option>
          </select>
        </label>
        <button type="submit" disabled={busy} data-testid="open-button">
          选择文件…
        </button>
      </form>
      <form
        className="start-card"
        onSubmit={(e) => {
          e.preventDefault();
          void openUnits();
        }}
      >
        <h2>打开文件夹（多个单位）</h2>
        <p className="start-hint">逐层读取文件夹中各单位的 .ziping 文档和 .xlsx 工作簿，只读不写。</p>
        <button type="submit" data-testid="units-open">
          选择文件夹…
        </button>
      </form>
      <form className="start-card" onSubmit={create}>
        <h2>新建</h2>
        <label>
          单位
          <input
            value={unit}
            onChange={(e) => setUnit(e.target.value)}
            placeholder="例如 某某市生态环境局"
            data-testid="new-unit"
          />
        </label>
        <label>
          年度
          <input
            value={year}
            onChange={(e) => setYear(e.target.value)}
            inputMode="numeric"
            data-testid="new-year"
          />
        </label>
        <label>
          地区样式
          <LayoutSelect value={layout} onChange={setLayout} testId="new-layout" />
        </label>
        <p className="start-hint">新文档在第一次保存时选择保存位置。</p>
        <button type="submit" disabled={busy} data-testid="new-button">
          新建
        </button>
      </form>
    </div>
  );
}
