/** The document's forms: department form first, each with total, grade and an error mark. */
import { memo, useCallback, useState, useSyncExternalStore } from 'react';
import { newForm, nextId } from '../../../shared/model/factory';
import type { Form, FormKind, Grade } from '../../../shared/model/types';
import { fmt2 } from '../../../shared/format/numbers';
import type { FormResult } from '../../../shared/scoring/types';
import type { DocumentStore } from '../state/documentStore';
import { GradeBadge } from './GradeBadge';

interface Props {
  store: DocumentStore;
  selectedId: string | null;
  onSelect: (formId: string) => void;
}

interface ItemProps {
  store: DocumentStore;
  id: string;
  selected: boolean;
  onSelect: (formId: string) => void;
}

/** Every change to a form (its name too) gives it a new result object: the snapshot is cached on it. */
const snapshots = new WeakMap<FormResult, string>();

/** What an item shows, as one string: the item re-renders only when it changes. */
function itemSnapshot(store: DocumentStore, id: string): string {
  const form = store.form(id);
  if (!form) return '';
  const r = store.result(id);
  let snapshot = snapshots.get(r);
  if (snapshot === undefined) {
    let errors = 0;
    for (const x of r.findings) if (x.level === 'error') errors++;
    snapshot = JSON.stringify([
      form.kind,
      form.projectName,
      r.total,
      r.grade,
      errors,
      r.findings.length - errors,
    ]);
    snapshots.set(r, snapshot);
  }
  return snapshot;
}

const FormItem = memo(function FormItem({ store, id, selected, onSelect }: ItemProps) {
  const snapshot = useSyncExternalStore(store.subscribe, () => itemSnapshot(store, id));
  if (snapshot === '') return null;
  const [kind, name, total, grade, errors, warnings] = JSON.parse(snapshot) as [
    FormKind,
    string,
    number,
    Grade,
    number,
    number,
  ];
  const problems = [errors > 0 ? `${errors} 个错误` : '', warnings > 0 ? `${warnings} 个提示` : '']
    .filter(Boolean)
    .join('，');
  return (
    <li>
      <button
        type="button"
        className={`form-item${selected ? ' selected' : ''}`}
        onClick={() => onSelect(id)}
        aria-current={selected ? 'true' : undefined}
        data-testid={`form-item-${id}`}
        title={problems ? `${name}：${problems}` : name}
        ref={selected ? scrollIntoViewIfNeeded : undefined}
      >
        <span className="form-item-name">
          {kind === 'department' && <span className="kind-tag">部门</span>}
          {name || '（未命名）'}
        </span>
        <span className="form-item-score">
          {errors > 0 && (
            <span className="error-mark" data-testid={`form-errors-${id}`} aria-label={`${errors} 个错误`}>
              ●
            </span>
          )}
          <span className="form-item-total" data-testid={`form-total-${id}`}>
            {fmt2(total)}
          </span>
          <GradeBadge grade={grade} testId={`form-grade-${id}`} />
        </span>
      </button>
    </li>
  );
});

function scrollIntoViewIfNeeded(el: HTMLElement | null): void {
  el?.scrollIntoView({ block: 'nearest' });
}

/** Department forms first, then projects in the document's order. */
function ordered(forms: Form[]): Form[] {
  return [...forms.filter((f) => f.kind === 'department'), ...forms.filter((f) => f.kind !== 'department')];
}

/** Ids shown, as one string: the list re-renders when forms come, go, move or are renamed. */
function listSnapshot(store: DocumentStore, needle: string): string {
  return ordered(store.doc.forms)
    .filter((f) => needle === '' || f.projectName.toLowerCase().includes(needle))
    .map((f) => f.id)
    .join('\u0000');
}

export const Sidebar = memo(function Sidebar({ store, selectedId, onSelect }: Props) {
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const getSnapshot = useCallback(() => listSnapshot(store, needle), [store, needle]);
  const ids = useSyncExternalStore(store.subscribe, getSnapshot);
  const shown = ids === '' ? [] : ids.split('\u0000');
  const forms = store.doc.forms;
  const hasDepartment = forms.some((f) => f.kind === 'department');

  const add = (kind: FormKind) => {
    const layout = store.doc.meta.layout;
    const id = nextId(
      'f',
      forms.map((f) => f.id),
    );
    const name = kind === 'department' ? store.doc.meta.unit : '新项目';
    const form = newForm(id, layout, kind, store.doc.meta.year, name);
    if (store.apply([{ op: 'insertForm', index: kind === 'department' ? 0 : forms.length, form }]))
      onSelect(id);
  };

  return (
    <nav className="sidebar" aria-label="表格列表" data-testid="sidebar">
      <div className="sidebar-head">
        <input
          type="search"
          className="sidebar-filter"
          placeholder="按名称筛选"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          data-testid="form-filter"
        />
        <div className="sidebar-count">
          共 {forms.length} 张表{needle && `，显示 ${shown.length} 张`}
        </div>
      </div>
      <ul className="form-list">
        {shown.map((id) => (
          <FormItem key={id} store={store} id={id} selected={id === selectedId} onSelect={onSelect} />
        ))}
        {shown.length === 0 && (
          <li className="sidebar-empty">{forms.length === 0 ? '还没有表格' : '没有名称匹配的表'}</li>
        )}
      </ul>
      {!store.readOnly && (
        <div className="sidebar-actions">
          <button type="button" onClick={() => add('project')} data-testid="add-project-form">
            ＋ 项目表
          </button>
          {!hasDepartment && (
            <button type="button" onClick={() => add('department')} data-testid="add-department-form">
              ＋ 部门整体表
            </button>
          )}
        </div>
      )}
    </nav>
  );
});
