/**
 * 比较: the open document against one of its saved versions or another .ziping file — forms
 * added and removed, every changed cell 原值 | 新值 side by side, totals and grades before and
 * after — and the same exported to Excel.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CompareAgainst, CompareResult, SavedVersion } from '../../../shared/contract';
import type { FormComparison, FormScore } from '../../../shared/compare/compare';
import { FORM_STATUS_NAMES, lineChangeName } from '../../../shared/compare/names';
import { fmt2 } from '../../../shared/format/numbers';
import { localTime } from '../../../shared/format/time';
import { formatCellValue } from '../../../shared/history/cells';
import { invoke } from '../api/client';
import { baseName } from '../api/files';
import { folderOf, joinPath } from '../state/chooserPaths';
import { fileChooser } from '../state/fileChooser';
import type { DocumentStore } from '../state/documentStore';
import { useEditor } from './EditorContext';
import { useModalFocus } from './useModalFocus';

interface Props {
  store: DocumentStore;
  onClose: () => void;
}

function score(s: FormScore | null): string {
  return s ? `${fmt2(s.total)}（${s.grade}）` : '—';
}

export function CompareView({ store, onClose }: Props) {
  const { pendingEdits } = useEditor();
  const [versions, setVersions] = useState<SavedVersion[]>([]);
  const [source, setSource] = useState<'version' | 'file'>('version');
  const [saveSeq, setSaveSeq] = useState<number | null>(null);
  const [path, setPath] = useState('');
  const [against, setAgainst] = useState<CompareAgainst | null>(null);
  const [result, setResult] = useState<CompareResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLDivElement | null>(null);
  useModalFocus(box, onClose);

  useEffect(() => {
    void invoke('history/versions', {}).then((r) => {
      if (!r.ok) return setError(r.error.message);
      setVersions(r.value);
      setSaveSeq(r.value[0]?.seq ?? null);
      if (r.value.length === 0) setSource('file');
    });
  }, []);

  const compare = async (e: FormEvent) => {
    e.preventDefault();
    const chosen: CompareAgainst | null =
      source === 'version'
        ? saveSeq === null
          ? null
          : { kind: 'version', saveSeq }
        : path.trim() === ''
          ? null
          : { kind: 'file', path: path.trim() };
    if (!chosen || busy) return;
    setBusy(true);
    setError(null);
    await pendingEdits.commitAll();
    await store.flush();
    const r =
      chosen.kind === 'version'
        ? await invoke('compare/version', { saveSeq: chosen.saveSeq })
        : await invoke('compare/file', { path: chosen.path });
    setBusy(false);
    if (!r.ok) {
      setResult(null);
      setError(r.error.message);
      return;
    }
    setAgainst(chosen);
    setResult(r.value);
  };

  const chooseFile = async () => {
    const chosen = await fileChooser.choose({
      mode: 'open',
      title: '比较：选择另一个文档',
      kinds: ['.ziping'],
      confirm: '选定',
    });
    if (chosen !== null) setPath(chosen);
  };

  const exportXlsx = async () => {
    if (!against) return;
    const target = await fileChooser.choose({
      mode: 'save',
      title: '导出比较结果',
      kinds: ['.xlsx'],
      suggested: store.status.path ? joinPath(folderOf(store.status.path), '比较结果.xlsx') : '比较结果.xlsx',
      confirm: '导出',
    });
    if (!target) return;
    const r = await invoke('compare/exportXlsx', { against, path: target });
    if (r.ok) store.setMessage(`已导出比较结果（${r.value.rows} 处修改）：${r.value.path}`);
    else setError(r.error.message);
  };

  const shown = result?.comparison.forms.filter((f) => f.status !== 'unchanged') ?? [];
  const unchanged = (result?.comparison.forms.length ?? 0) - shown.length;

  return (
    <div className="dialog-backdrop">
      <div
        className="dialog compare-view"
        role="dialog"
        aria-modal="true"
        aria-label="比较"
        data-testid="compare-view"
        ref={box}
      >
        <h2 className="dialog-title">比较</h2>
        <form className="compare-source" onSubmit={(e) => void compare(e)}>
          <label>
            <input
              type="radio"
              checked={source === 'version'}
              disabled={versions.length === 0}
              onChange={() => setSource('version')}
            />
            已保存的版本
          </label>
          <select
            value={saveSeq ?? ''}
            disabled={source !== 'version' || versions.length === 0}
            onChange={(e) => setSaveSeq(Number(e.target.value))}
            data-testid="compare-version"
          >
            {versions.length === 0 && <option value="">（还没有保存过）</option>}
            {versions.map((v) => (
              <option key={v.seq} value={v.seq}>
                {localTime(v.at)} · {v.user}
              </option>
            ))}
          </select>
          <label>
            <input type="radio" checked={source === 'file'} onChange={() => setSource('file')} />
            其他文件
          </label>
          <span className="compare-file" title={path || undefined} data-testid="compare-path">
            {path ? baseName(path) : '（尚未选择）'}
          </span>
          <button
            type="button"
            disabled={source !== 'file'}
            onClick={() => void chooseFile()}
            data-testid="compare-choose"
          >
            选择…
          </button>
          <button type="submit" className="primary" disabled={busy} data-testid="compare-run">
            比较
          </button>
        </form>
        {error && (
          <p className="status-error" role="alert" data-testid="compare-error">
            {error}
          </p>
        )}
        {result && (
          <div className="compare-result" data-testid="compare-result">
            <p className="compare-sides">
              原值：{result.before}；新值：{result.after}
              {unchanged > 0 && `；另有 ${unchanged} 张表未修改`}
            </p>
            {result.comparison.meta.length === 0 && shown.length === 0 && <p>两者内容相同。</p>}
            <table className="compare-table">
              <thead>
                <tr>
                  <th>表</th>
                  <th>位置</th>
                  <th>项目</th>
                  <th>原值</th>
                  <th>新值</th>
                </tr>
              </thead>
              <tbody>
                {result.comparison.meta.map((c) => (
                  <tr key={`meta-${c.what}`}>
                    <td>文档</td>
                    <td>{c.place}</td>
                    <td>{c.what}</td>
                    <td className="compare-old">{formatCellValue(c.old, c.cell)}</td>
                    <td className="compare-new">{formatCellValue(c.new, c.cell)}</td>
                  </tr>
                ))}
                {shown.map((f) => (
                  <FormRows key={f.formId} form={f} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="dialog-buttons">
          {result && (
            <button type="button" onClick={() => void exportXlsx()} data-testid="compare-export">
              导出 Excel…
            </button>
          )}
          <button type="button" onClick={onClose} data-testid="compare-close">
            关闭
          </button>
        </div>
      </div>
    </div>
  );
}

/** One form: a heading row with its status, total and grade before → after, then its changes. */
function FormRows({ form }: { form: FormComparison }) {
  return (
    <>
      <tr className="compare-form" data-testid={`compare-form-${form.formId}`}>
        <td colSpan={3}>
          <strong>{form.name}</strong>{' '}
          <span className="compare-status">{FORM_STATUS_NAMES[form.status]}</span>
        </td>
        <td className="compare-old" data-testid="compare-before-total">
          总分 {score(form.before)}
        </td>
        <td className="compare-new" data-testid="compare-after-total">
          总分 {score(form.after)}
        </td>
      </tr>
      {form.cells.map((c, i) => (
        <tr key={`c${i}`} data-testid="compare-cell">
          <td />
          <td>{c.place}</td>
          <td>{c.what}</td>
          <td className="compare-old">{formatCellValue(c.old, c.cell)}</td>
          <td className="compare-new">{formatCellValue(c.new, c.cell)}</td>
        </tr>
      ))}
      {form.lines.map((l, i) => (
        <tr key={`l${i}`}>
          <td />
          <td>{l.place}</td>
          <td colSpan={3}>{lineChangeName(l)}</td>
        </tr>
      ))}
    </>
  );
}
