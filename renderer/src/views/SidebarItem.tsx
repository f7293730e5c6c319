/** One form in the sidebar: its name, 审核状态, error mark, total and grade (… until it is scored). */
import { memo, useSyncExternalStore } from 'react';
import type { FormKind, Grade } from '../../../shared/model/types';
import { fmt2 } from '../../../shared/format/numbers';
import type { FormResult } from '../../../shared/scoring/types';
import type { ReviewStatus } from '../../../shared/review/types';
import type { DocumentStore } from '../state/documentStore';
import { afterPaintSubscribe } from '../state/afterPaint';
import { GradeBadge } from './GradeBadge';

interface ItemProps {
  store: DocumentStore;
  id: string;
  selected: boolean;
  /** The one item of the list reached with Tab. */
  tabbable: boolean;
  onSelect: (formId: string) => void;
  onMenu: (formId: string, x: number, y: number) => void;
}

/** Every change to a form (its name too) gives it a new result object: the snapshot is cached on it. */
const snapshots = new WeakMap<FormResult, string>();

/** What an item shows, as one string: the item re-renders only when it changes. */
function itemSnapshot(store: DocumentStore, id: string): string {
  const form = store.form(id);
  if (!form) return '';
  // Not scored yet (idle time comes to it): the name now, the numbers as a placeholder.
  const r = store.scoredResult(id);
  if (!r) return JSON.stringify([form.kind, form.projectName]);
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

const subscriptions = new WeakMap<DocumentStore, (listener: () => void) => () => void>();

/**
 * The document's changes and the idle scoring's slices: an item may have to show either. Heard
 * after the next paint (state/afterPaint.ts): an edit paints its cell and the total first (#23).
 */
function itemSubscription(store: DocumentStore): (listener: () => void) => () => void {
  let subscribe = subscriptions.get(store);
  if (!subscribe) {
    subscribe = afterPaintSubscribe((listener) => {
      const offStore = store.subscribe(listener);
      const offScoring = store.scoring.subscribe(listener);
      return () => {
        offStore();
        offScoring();
      };
    });
    subscriptions.set(store, subscribe);
  }
  return subscribe;
}

export const FormItem = memo(function FormItem({
  store,
  id,
  selected,
  tabbable,
  onSelect,
  onMenu,
}: ItemProps) {
  const snapshot = useSyncExternalStore(itemSubscription(store), () => itemSnapshot(store, id));
  const status = useSyncExternalStore(store.subscribe, () => store.review.status(id)?.status ?? '');
  if (snapshot === '') return null;
  const [kind, name, total, grade, errors = 0, warnings = 0] = JSON.parse(snapshot) as [
    FormKind,
    string,
    number?,
    Grade?,
    number?,
    number?,
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
        onContextMenu={(e) => {
          e.preventDefault();
          onSelect(id);
          onMenu(id, e.clientX, e.clientY);
        }}
        aria-current={selected ? 'true' : undefined}
        // The list is one Tab stop; the arrow keys move in it (onListKey).
        tabIndex={tabbable ? 0 : -1}
        data-testid={`form-item-${id}`}
        title={problems ? `${name}：${problems}` : name}
      >
        <span className="form-item-name">
          {kind === 'department' && <span className="kind-tag">部门</span>}
          {name || '（未命名）'}
        </span>
        <span className="form-item-score">
          {status !== '' && (
            <span className={`status-chip status-${STATUS_CLASS[status]}`} data-testid={`form-status-${id}`}>
              {status}
            </span>
          )}
          {errors > 0 && (
            <span className="error-mark" data-testid={`form-errors-${id}`} aria-label={`${errors} 个错误`}>
              ●
            </span>
          )}
          {total === undefined || grade === undefined ? (
            <span
              className="form-item-total form-item-pending"
              data-testid={`form-total-${id}`}
              data-pending="true"
              title="正在计算得分和审核…"
            >
              …
            </span>
          ) : (
            <>
              <span className="form-item-total" data-testid={`form-total-${id}`}>
                {fmt2(total)}
              </span>
              <GradeBadge grade={grade} testId={`form-grade-${id}`} />
            </>
          )}
        </span>
      </button>
    </li>
  );
});

const STATUS_CLASS: Record<ReviewStatus, string> = {
  待审核: 'pending',
  已审核: 'done',
  退回修改: 'returned',
};
