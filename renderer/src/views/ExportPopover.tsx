/**
 * 导出 Excel from the toolbar: 一个文件 (a workbook: summary + a sheet per form) or 每张表一个文件
 * (a folder), asked explicitly; all forms or the one on screen; with the review data or not.
 * Where to: browser mode downloads one workbook by default (the server streams it), or saves into
 * a place chosen in the file chooser (the desktop's save dialog). The flow itself
 * (checks first, progress) is useExchange.
 */
import { useState, type FormEvent } from 'react';
import { shell } from '../api/client';
import { downloadExported, fileCall } from '../api/files';
import type { DocumentStore } from '../state/documentStore';
import { fileChooser } from '../state/fileChooser';
import { suggestedPath } from '../state/fileNames';
import type { Deliver } from './useExchange';
import './file-chooser.css';

interface Props {
  store: DocumentStore;
  currentFormId: string | null;
  onExport: (path: string, onlyCurrent: boolean, withReview: boolean, deliver?: Deliver) => Promise<boolean>;
  onClose: () => void;
}

type Shape = 'one' | 'perForm';
type Destination = 'download' | 'folder';

/** The proposed target: `X.xlsx`, or the folder `X（每张表一个文件）`. */
const proposed = (store: DocumentStore, shape: Shape): string =>
  shape === 'one'
    ? suggestedPath(store, 'xlsx')
    : suggestedPath(store, 'xlsx', '（每张表一个文件）').replace(/\.xlsx$/, '');

export function ExportPopover({ store, currentFormId, onExport, onClose }: Props) {
  const [shape, setShape] = useState<Shape>('one');
  const [destination, setDestination] = useState<Destination>(shell ? 'folder' : 'download');
  const [target, setTarget] = useState<string | null>(null);
  const [onlyCurrent, setOnlyCurrent] = useState(false);
  const [withReview, setWithReview] = useState(() => store.review.count > 0);
  const [busy, setBusy] = useState(false);
  // A folder of workbooks cannot be one download.
  const downloading = destination === 'download' && shape === 'one' && !shell;

  const chooseShape = (next: Shape) => {
    setShape(next);
    setTarget(null);
  };

  /** Where to save (the file chooser); null when cancelled. */
  const chooseTarget = (): Promise<string | null> =>
    fileChooser.choose({
      mode: 'save',
      title: shape === 'one' ? '导出 Excel：保存为' : '导出 Excel：每张表一个文件，放在新文件夹',
      kinds: shape === 'one' ? ['.xlsx'] : [],
      suggested: target ?? proposed(store, shape),
      confirm: '选定',
    });

  const pick = async () => {
    const chosen = await chooseTarget();
    if (chosen !== null) {
      setTarget(chosen);
      setDestination('folder');
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      let path = downloading ? null : (target ?? (await chooseTarget()));
      if (downloading) {
        const place = await fileCall('files/downloadTarget', {
          name: proposed(store, 'one').split(/[\\/]/).pop() ?? '导出.xlsx',
        });
        if (!place.ok) return store.setMessage(place.error.message, 'error');
        path = place.value.path;
      }
      if (path === null) return;
      setTarget(downloading ? null : path);
      if (await onExport(path, onlyCurrent, withReview, downloading ? downloadExported : undefined))
        onClose();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="toolbar-popover export-popover"
      onSubmit={(e) => void submit(e)}
      data-testid="export-panel"
    >
      <fieldset>
        <legend>导出为</legend>
        {(
          [
            ['one', '一个文件（汇总表 + 每张表一页）', 'export-one-file'],
            ['perForm', '每张表一个文件（放在一个新文件夹中）', 'export-per-form'],
          ] as const
        ).map(([value, label, testId]) => (
          <label key={value} className="checkbox">
            <input
              type="radio"
              name="export-shape"
              checked={shape === value}
              onChange={() => chooseShape(value)}
              data-testid={testId}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={onlyCurrent}
          disabled={!currentFormId}
          onChange={(e) => setOnlyCurrent(e.target.checked)}
          data-testid="export-current"
        />
        只导出当前表
      </label>
      <label
        className="checkbox"
        title="增加“审核意见”工作表，汇总表中加审核状态和核查得分；可用“导入审核意见…”读回"
      >
        <input
          type="checkbox"
          checked={withReview}
          onChange={(e) => setWithReview(e.target.checked)}
          data-testid="export-review"
        />
        包含审核意见
      </label>
      <fieldset>
        <legend>保存到</legend>
        {!shell && (
          <label className="checkbox" title={shape === 'one' ? '' : '每张表一个文件时，请保存到文件夹'}>
            <input
              type="radio"
              name="export-destination"
              checked={downloading}
              disabled={shape !== 'one'}
              onChange={() => setDestination('download')}
              data-testid="export-download"
            />
            下载（浏览器的下载文件夹）
          </label>
        )}
        <label className="checkbox">
          <input
            type="radio"
            name="export-destination"
            checked={!downloading}
            onChange={() => setDestination('folder')}
            data-testid="export-to-folder"
          />
          <span className="export-target" title={target ?? undefined} data-testid="export-target">
            {target ?? '选择的位置'}
          </span>
        </label>
        <button type="button" onClick={() => void pick()} data-testid="export-choose">
          选择位置…
        </button>
      </fieldset>
      <button type="submit" disabled={busy} data-testid="export-confirm">
        导出
      </button>
      <button type="button" onClick={onClose}>
        取消
      </button>
    </form>
  );
}
