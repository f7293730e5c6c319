/** The document's forms: department form first, each with total, grade and an error mark. */
import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
} from 'react';
import { nextId } from '../../../shared/model/factory';
import { newBlankForm } from '../../../shared/model/skeleton';
import type { Form, FormKind } from '../../../shared/model/types';
import type { DocumentStore } from '../state/documentStore';
import { REVIEW_STATUSES } from '../../../shared/review/types';
import { FormItem } from './SidebarItem';
import { useEditor } from './EditorContext';
import { GridMenu, type MenuAt, type MenuItem } from './GridMenu';
import { deleteForm, duplicateForm, moveForm } from '../state/formActions';
import { useItemWindow, type ListGeometry } from './useItemWindow';

interface Props {
  store: DocumentStore;
  selectedId: string | null;
  onSelect: (formId: string) => void;
  /** 汇总 is shown in place of the form (no form is then selected). */
  summaryOpen: boolean;
  onSummary: () => void;
}

/** The summary as last worked out, and for which review data and list of forms. */
const summaries = new WeakMap<DocumentStore, { key: string; text: string }>();

/**
 * 审核状态 counts of the document, one line (empty when no form has a status). Read on every
 * change of the document: counted again only when a status or the list of forms changed (it
 * walks every form: about a millisecond in a 1,000-form document, on every keystroke).
 */
function statusSummary(store: DocumentStore): string {
  const key = `${store.review.version}:${store.structureVersion}`;
  const cached = summaries.get(store);
  if (cached?.key === key) return cached.text;
  const text = countStatuses(store);
  summaries.set(store, { key, text });
  return text;
}

function countStatuses(store: DocumentStore): string {
  const counts = store.review.statusCounts(store.doc.forms.map((f) => f.id));
  const parts = REVIEW_STATUSES.filter((s) => counts[s] > 0).map((s) => `${s} ${counts[s]}`);
  return parts.length === 0
    ? ''
    : `${parts.join(' · ')}${counts.未设置 > 0 ? ` · 未设置 ${counts.未设置}` : ''}`;
}

/** The list as styled (styles.css `.form-list`, `.form-list > li`). */
const LIST_GEOMETRY: ListGeometry = { itemHeight: 30, padding: 4, overscan: 20 };

/** The sidebar's buttons are narrow: short names, the full ones in their tooltips and the menu. */
const SHORT_LABELS: Record<string, string> = {
  formDuplicate: '复制',
  formUp: '↑',
  formDown: '↓',
  formDelete: '删除',
};

/** Where ↑ ↓ Home End take the cursor in a list of `count` items; null for other keys. */
export function listTarget(key: string, count: number, at: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowUp':
      return Math.max(0, at - 1);
    case 'ArrowDown':
      return Math.min(count - 1, at + 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
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

export const Sidebar = memo(function Sidebar({ store, selectedId, onSelect, summaryOpen, onSummary }: Props) {
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  // Read on every change of the document: without a filter the list changes only with the
  // forms themselves (coming, going, moving), so it is built again only then.
  const getSnapshot = useMemo(() => {
    let key = '';
    let list = '';
    return () => {
      const now = needle === '' ? `s${store.structureVersion}` : `v${store.version}`;
      if (now !== key) {
        key = now;
        list = listSnapshot(store, needle);
      }
      return list;
    };
  }, [store, needle]);
  const ids = useSyncExternalStore(store.subscribe, getSnapshot);
  const statuses = useSyncExternalStore(store.subscribe, () => statusSummary(store));
  const shown = ids === '' ? [] : ids.split('\u0000');
  const listRef = useRef<HTMLUListElement | null>(null);
  // The selected form stays in view (chosen from a finding, an undo, or added at the end).
  const selectedIndex = selectedId ? shown.indexOf(selectedId) : -1;
  const { first, last, before, after } = useItemWindow(listRef, shown.length, LIST_GEOMETRY, selectedIndex);
  const forms = store.doc.forms;
  const hasDepartment = forms.some((f) => f.kind === 'department');

  const { dialogs } = useEditor();
  const [menu, setMenu] = useState<MenuAt | null>(null);
  const selected = selectedId ? store.form(selectedId) : undefined;

  const duplicate = (formId: string) => {
    const r = duplicateForm(store.doc, formId);
    if (r && store.apply(r.patches)) onSelect(r.newId);
  };
  const remove = async (formId: string) => {
    const form = store.form(formId);
    if (!form) return;
    const answer = await dialogs.ask({
      title: '删除表格',
      message: `确定删除“${form.projectName || '（未命名）'}”吗？删除后可以用“撤销”（Ctrl+Z）恢复。`,
      choices: [
        { id: 'delete', label: '删除', danger: true },
        { id: 'cancel', label: '取消', primary: true },
      ],
    });
    if (answer === 'delete') store.apply(deleteForm(formId));
  };
  const move = (formId: string, by: -1 | 1) => store.apply(moveForm(store.doc, formId, by));

  const actionsFor = (formId: string): MenuItem[] => {
    const form = store.form(formId);
    const project = form?.kind === 'project';
    const ro = store.readOnly;
    return [
      { id: 'formDuplicate', label: '复制此表', disabled: ro || !project, run: () => duplicate(formId) },
      {
        id: 'formUp',
        label: '上移',
        shortcut: 'Alt+Shift+↑',
        disabled: ro || moveForm(store.doc, formId, -1).length === 0,
        run: () => move(formId, -1),
      },
      {
        id: 'formDown',
        label: '下移',
        shortcut: 'Alt+Shift+↓',
        disabled: ro || moveForm(store.doc, formId, 1).length === 0,
        run: () => move(formId, 1),
      },
      'separator',
      {
        id: 'formDelete',
        label: '删除此表…',
        shortcut: 'Delete',
        disabled: ro,
        run: () => void remove(formId),
      },
    ];
  };
  // Stable for the memoised items; it reads the latest state when called.
  const latest = useRef(actionsFor);
  latest.current = actionsFor;
  const openMenu = useCallback(
    (formId: string, x: number, y: number) => setMenu({ x, y, items: latest.current(formId) }),
    [],
  );

  // After an arrow key the newly selected item takes the focus once it is rendered.
  const focusSelected = useRef(false);
  useEffect(() => {
    if (!focusSelected.current || !selectedId) return;
    // A form far down is rendered once the list has scrolled to it (`first` changes then, or a
    // frame later when the scroll lands after this render): looked for again for a few frames.
    let frame = 0;
    let tries = 0;
    const focusIt = () => {
      const item = listRef.current?.querySelector<HTMLElement>(`[data-testid="form-item-${selectedId}"]`);
      if (item) {
        focusSelected.current = false;
        item.focus();
      } else if (++tries < 30) frame = requestAnimationFrame(focusIt);
    };
    focusIt();
    return () => cancelAnimationFrame(frame);
  }, [selectedId, first]);

  const onListKey = (e: KeyboardEvent) => {
    const plain = !e.altKey && !e.shiftKey && !e.ctrlKey && !e.metaKey;
    const to = plain ? listTarget(e.key, shown.length, selectedIndex) : null;
    if (to !== null) {
      e.preventDefault();
      const id = shown[to];
      if (id && id !== selectedId) {
        focusSelected.current = true;
        onSelect(id);
      }
      return;
    }
    if (!selectedId || store.readOnly) return;
    if (e.altKey && e.shiftKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      move(selectedId, e.key === 'ArrowUp' ? -1 : 1);
    } else if (e.key === 'Delete') {
      e.preventDefault();
      void remove(selectedId);
    }
  };

  const add = (kind: FormKind) => {
    const layout = store.doc.meta.layout;
    const id = nextId(
      'f',
      forms.map((f) => f.id),
    );
    const name = kind === 'department' ? store.doc.meta.unit : '新项目';
    const form = newBlankForm(id, layout, kind, store.doc.meta.year, name);
    if (store.apply([{ op: 'insertForm', index: kind === 'department' ? 0 : forms.length, form }]))
      onSelect(id);
  };

  return (
    <nav className="sidebar" aria-label="表格列表" data-testid="sidebar">
      <div className="sidebar-head">
        <button
          type="button"
          className={`summary-button${summaryOpen ? ' selected' : ''}`}
          onClick={onSummary}
          aria-pressed={summaryOpen}
          title="全部表格的得分、等级、预算执行汇总与图表"
          data-testid="open-summary"
        >
          汇总
        </button>
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
        {statuses && (
          <div className="sidebar-count" data-testid="status-summary">
            {statuses}
          </div>
        )}
      </div>
      <ul className="form-list" onKeyDown={onListKey} ref={listRef}>
        {before > 0 && <li className="form-list-spacer" aria-hidden style={{ height: before }} />}
        {shown.slice(first, last).map((id) => (
          <FormItem
            key={id}
            store={store}
            id={id}
            selected={id === selectedId}
            tabbable={id === (selectedIndex >= 0 ? selectedId : shown[0])}
            onSelect={onSelect}
            onMenu={openMenu}
          />
        ))}
        {after > 0 && <li className="form-list-spacer" aria-hidden style={{ height: after }} />}
        {shown.length === 0 && (
          <li className="sidebar-empty">{forms.length === 0 ? '还没有表格' : '没有名称匹配的表'}</li>
        )}
      </ul>
      {!store.readOnly && (
        <div className="sidebar-actions">
          <button type="button" onClick={() => add('project')} data-testid="add-project-form">
            ＋ 项目表
          </button>
          {selected && (
            <span className="sidebar-form-actions">
              {actionsFor(selected.id).map((a) =>
                a === 'separator' ? null : (
                  <button
                    key={a.id}
                    type="button"
                    disabled={a.disabled}
                    onClick={a.run}
                    title={a.shortcut ? `${a.label}（${a.shortcut}）` : a.label}
                    data-testid={a.id}
                  >
                    {SHORT_LABELS[a.id] ?? a.label}
                  </button>
                ),
              )}
            </span>
          )}
          {!hasDepartment && (
            <button type="button" onClick={() => add('department')} data-testid="add-department-form">
              ＋ 部门整体表
            </button>
          )}
        </div>
      )}
      {menu && <GridMenu menu={menu} onClose={() => setMenu(null)} />}
    </nav>
  );
});
