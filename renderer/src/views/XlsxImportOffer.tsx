/**
 * An Excel workbook chosen to open (issue #19): it is not a document, so the start panel offers
 * to import its forms into a new one (unit, year and layout as in 新建; the unit defaults to the
 * workbook's name). The new document is unsaved until the user saves it.
 */
import { useState } from 'react';
import type { CallResult, OpenedDocument } from '../../../shared/contract';
import { mergeFormsPatches } from '../../../shared/model/merge-forms';
import type { LayoutId } from '../../../shared/model/types';
import { invoke } from '../api/client';
import { baseName } from '../api/files';
import { LayoutSelect } from './LayoutSelect';
import './file-chooser.css';

interface Props {
  workbook: string;
  year: number;
  onOpened: (r: CallResult<OpenedDocument>) => boolean;
  onCancel: () => void;
}

/** A new document holding the workbook's forms, opened; or why not. */
async function importIntoNew(
  workbook: string,
  meta: { unit: string; year: number; layout: LayoutId },
): Promise<CallResult<OpenedDocument>> {
  const created = await invoke('doc/new', { path: null, ...meta });
  if (!created.ok) return created;
  const read = await invoke('forms/read', { path: workbook });
  if (!read.ok) {
    await invoke('doc/close', { discard: true });
    return read;
  }
  const plan = mergeFormsPatches(created.value.document, read.value.forms);
  const applied = await invoke('doc/apply', { patches: plan.patches });
  if (!applied.ok) return applied;
  const state = await invoke('app/state', {});
  if (!state.ok) return state;
  return state.value.document
    ? { ok: true, value: state.value.document }
    : { ok: false, error: { code: 'not-open', message: '新文档没有打开，请重试' } };
}

export function XlsxImportOffer({ workbook, year, onOpened, onCancel }: Props) {
  const [unit, setUnit] = useState(() => baseName(workbook).replace(/\.xlsx$/i, ''));
  const [layout, setLayout] = useState<LayoutId>('national');
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    onOpened(await importIntoNew(workbook, { unit: unit.trim() || '导入的单位', year, layout }));
    setBusy(false);
  };
  return (
    <div className="start-card" role="alertdialog" aria-label="导入 Excel 工作簿" data-testid="xlsx-offer">
      <h2>导入 Excel 工作簿</h2>
      <p>
        “{baseName(workbook)}”是 Excel 工作簿，不是自评表文档（.ziping）。可以把其中的表格导入到一个新文档，
        保存时再选择位置。
      </p>
      <label>
        单位
        <input value={unit} onChange={(e) => setUnit(e.target.value)} data-testid="xlsx-offer-unit" />
      </label>
      <label>
        地区样式
        <LayoutSelect value={layout} onChange={setLayout} testId="xlsx-offer-layout" />
      </label>
      <p>年度：{year}（与“新建”中的年度相同）</p>
      <div className="xlsx-offer-buttons">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void run()}
          data-testid="xlsx-offer-import"
        >
          导入到新文档
        </button>
        <button type="button" onClick={onCancel}>
          取消
        </button>
      </div>
    </div>
  );
}
