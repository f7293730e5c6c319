/**
 * 打印 / 导出 PDF (Ctrl+P): the form on screen, the forms ticked here, or all of them; 打印 opens
 * the browser's print dialog on their print view, 导出 PDF (desktop) saves it with Electron's
 * printToPDF. Esc closes it; the focus goes back where it was.
 */
import { useEffect, useRef, useState } from 'react';
import { printHtml } from '../../../shared/print/document-html';
import { printTitle } from '../../../shared/print/print-title';
import { shell } from '../api/client';
import type { DocumentStore } from '../state/documentStore';
import { formsToPrint, type PrintScope } from './printChoice';
import { printForms } from './printForm';

interface Props {
  store: DocumentStore;
  currentFormId: string | null;
  onClose: () => void;
}

export function PrintDialog({ store, currentFormId, onClose }: Props) {
  const forms = store.doc.forms;
  const current = currentFormId ? store.form(currentFormId) : undefined;
  const [scope, setScope] = useState<PrintScope>(current ? 'current' : 'all');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(current ? [current.id] : []));
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement | null>(null);

  useEffect(() => {
    const returnTo = document.activeElement;
    first.current?.focus();
    return () => {
      if (returnTo instanceof HTMLElement) returnTo.focus();
    };
  }, []);

  const picked = formsToPrint(forms, scope, currentFormId, chosen);
  const title = printTitle(picked, store.doc.meta);
  const toggle = (id: string) =>
    setChosen((before) => {
      const next = new Set(before);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const print = () => {
    printForms(picked, store.layout, title);
    onClose();
  };
  const savePdf = async () => {
    if (!shell || busy) return;
    setBusy(true);
    store.setMessage(`正在生成 PDF（${picked.length} 张表）…`);
    try {
      const html = printHtml(picked, store.layout, title);
      const r = await shell('print/savePdf', { html, suggestedName: title });
      if (!r.ok) store.setMessage(r.error.message, 'error');
      else if (r.value === null) store.setMessage('已取消导出 PDF');
      else {
        store.setMessage(`已导出 PDF（${picked.length} 张表）：${r.value}`);
        onClose();
      }
    } finally {
      setBusy(false);
    }
  };

  const scopeOption = (value: PrintScope, label: string, disabled = false) => (
    <label className="checkbox">
      <input
        type="radio"
        name="print-scope"
        ref={value === (current ? 'current' : 'all') ? first : undefined}
        checked={scope === value}
        disabled={disabled}
        onChange={() => setScope(value)}
        data-testid={`print-scope-${value}`}
      />
      {label}
    </label>
  );

  return (
    <div className="dialog-backdrop">
      <div
        className="dialog print-dialog"
        role="dialog"
        aria-modal="true"
        aria-label="打印 / 导出 PDF"
        data-testid="print-dialog"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <h2 className="dialog-title">打印 / 导出 PDF</h2>
        <fieldset className="print-scope">
          <legend>打印哪些表</legend>
          {scopeOption(
            'current',
            current ? `当前表：${current.projectName || '（未命名）'}` : '当前表',
            !current,
          )}
          {scopeOption('chosen', '选择的表')}
          {scopeOption('all', `全部 ${forms.length} 张表`)}
        </fieldset>
        {scope === 'chosen' && (
          <div className="print-forms" role="group" aria-label="选择要打印的表" data-testid="print-forms">
            <div className="print-forms-actions">
              <button type="button" onClick={() => setChosen(new Set(forms.map((f) => f.id)))}>
                全选
              </button>
              <button type="button" onClick={() => setChosen(new Set())}>
                全不选
              </button>
            </div>
            {forms.map((f, i) => (
              <label key={f.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={chosen.has(f.id)}
                  onChange={() => toggle(f.id)}
                  data-testid={`print-form-${f.id}`}
                />
                {i + 1}. {f.projectName || '（未命名）'}
              </label>
            ))}
          </div>
        )}
        <p className="dialog-message" data-testid="print-count">
          {picked.length === 0
            ? '请至少选择一张表。'
            : `将打印 ${picked.length} 张表（每张表另起一页，A4）。` +
              (shell ? '' : '在打印对话框中选择“另存为 PDF”即可得到 PDF 文件。')}
        </p>
        <div className="dialog-buttons">
          <button
            type="button"
            className="primary"
            disabled={picked.length === 0}
            onClick={print}
            data-testid="print-confirm"
          >
            打印…
          </button>
          {shell && (
            <button
              type="button"
              disabled={picked.length === 0 || busy}
              onClick={() => void savePdf()}
              data-testid="print-pdf"
            >
              导出 PDF…
            </button>
          )}
          <button type="button" onClick={onClose}>
            取消
          </button>
        </div>
      </div>
    </div>
  );
}
