/** 审核: the findings of the current form (or of the whole document); a click shows the cell. */
import { useEffect, useRef, useState } from 'react';
import { TOGGLE_CHECKS } from './useMenuCommands';
import type { Finding } from '../../../shared/checks/types';
import type { Form } from '../../../shared/model/types';
import type { DocumentStore } from '../state/documentStore';
import { findingPlace } from '../layout/fieldNames';
import { findingKeys } from './findingKeys';
import { useItemWindow, type ListGeometry } from './useItemWindow';

/** The list as styled (styles.css `.checks-list > li`): a document's findings run to tens of thousands. */
const LIST_GEOMETRY: ListGeometry = { itemHeight: 28, padding: 0, overscan: 15 };

interface Props {
  store: DocumentStore;
  form: Form;
  onPick: (finding: Finding) => void;
}

export function ChecksPanel({ store, form, onPick }: Props) {
  const [scope, setScope] = useState<'form' | 'all'>('form');
  const [open, setOpen] = useState(true);
  // 视图 › 审核面板 in the desktop menu.
  useEffect(() => {
    const toggle = () => setOpen((v) => !v);
    window.addEventListener(TOGGLE_CHECKS, toggle);
    return () => window.removeEventListener(TOGGLE_CHECKS, toggle);
  }, []);
  const perForm =
    scope === 'form'
      ? [store.result(form.id).findings]
      : store.doc.forms.map((f) => store.result(f.id).findings);
  const findings: readonly Finding[] = perForm.flat();
  const keys = perForm.flatMap((list) => findingKeys(list));
  const listRef = useRef<HTMLOListElement | null>(null);
  const { first, last, before, after } = useItemWindow(listRef, findings.length, LIST_GEOMETRY);
  const errors = findings.filter((f) => f.level === 'error').length;
  const layout = store.layout;

  return (
    <section
      className={`checks-panel${open ? '' : ' collapsed'}`}
      aria-label="审核"
      data-testid="checks-panel"
    >
      <div className="checks-head">
        <strong>审核</strong>
        <span className="checks-summary" data-testid="checks-summary">
          {findings.length === 0 ? '没有发现问题' : `${errors} 个错误，${findings.length - errors} 个提示`}
        </span>
        <span className="toolbar-spacer" />
        <div className="segmented" role="group" aria-label="审核范围">
          <button
            type="button"
            aria-pressed={scope === 'form'}
            onClick={() => setScope('form')}
            data-testid="checks-scope-form"
          >
            本表
          </button>
          <button
            type="button"
            aria-pressed={scope === 'all'}
            onClick={() => setScope('all')}
            data-testid="checks-scope-all"
          >
            全部表
          </button>
        </div>
        <button
          type="button"
          className="link-button"
          aria-expanded={open}
          onClick={() => setOpen((v) => !v)}
          data-testid="checks-toggle"
        >
          {open ? '收起' : '展开'}
        </button>
      </div>
      <ol className="checks-list" hidden={!open} ref={listRef}>
        {before > 0 && <li className="checks-list-spacer" aria-hidden style={{ height: before }} />}
        {findings.slice(first, last).map((f, k) => {
          const i = first + k;
          const owner = scope === 'all' ? store.form(f.formId) : form;
          const place = owner ? findingPlace(f, owner, layout) : '';
          return (
            <li key={keys[i]}>
              <button
                type="button"
                className={`finding finding-${f.level}`}
                onClick={() => onPick(f)}
                title={`${f.message}${place ? `（${place}）` : ''}`}
                data-testid={`finding-${i}`}
                data-level={f.level}
                data-code={f.code}
              >
                <span className={`level-tag level-${f.level}`}>{f.level === 'error' ? '错误' : '提示'}</span>
                {scope === 'all' && (
                  <span className="finding-form">{owner?.projectName || '（未命名）'}</span>
                )}
                <span className="finding-message">{f.message}</span>
                <span className="finding-place">{place}</span>
              </button>
            </li>
          );
        })}
        {after > 0 && <li className="checks-list-spacer" aria-hidden style={{ height: after }} />}
      </ol>
    </section>
  );
}
