/**
 * Review data as history entries, beside the change log's: each audit and status item's earlier
 * values (its `previous` list) and each comment's life (added, resolved, removed), with who and
 * when, placed at its cell, line or form of today's document. Review data is not in the change
 * log: it merges item by item between copies, so each item carries its own history.
 */
import type { Form, ZipingDocument } from '../model/types';
import type { ReviewItems, ReviewPatch } from '../review/patch';
import { auditPatch, auditState, PREVIOUS_CAP, statusPatch, statusState } from '../review/succession';
import type {
  AuditItem,
  CommentItem,
  ReviewAnchor,
  ReviewItem,
  ReviewStatus,
  StatusItem,
} from '../review/types';
import {
  AUDIT_FIELD_NAMES,
  auditLinePlace,
  cellPlace,
  cellValue,
  formName,
  indicatorLinePlace,
  SECTION_NAMES,
  type AuditField,
  type CellRef,
  type CellSection,
  type CellValue,
} from './cells';
import { checkCellRef } from './check-cell';
import type { HistoryEntry } from './entries';

/** What 恢复 of a review entry puts back: one line's 核查分数 or 审核意见, or a form's status. */
export type ReviewRestore =
  | {
      kind: 'audit';
      formId: string;
      indicatorId: string;
      change: { score: number | null } | { opinion: string };
    }
  | { kind: 'status'; formId: string; status: ReviewStatus | null; reason: string };

type Base = Pick<HistoryEntry, 'formId' | 'formName'>;

function entry(
  base: Base,
  key: string,
  fields: Pick<HistoryEntry, 'at' | 'user' | 'place' | 'what' | 'old' | 'new'> &
    Partial<Pick<HistoryEntry, 'cellThen' | 'cell' | 'reviewRestore' | 'lineId'>>,
): HistoryEntry {
  return {
    seq: 0,
    key,
    kind: 'review',
    cellThen: null,
    cell: null,
    undo: null,
    reviewRestore: null,
    ...base,
    ...fields,
  };
}

/**
 * The states of an item, oldest first, each with what it replaced (null for the first: nothing,
 * unless the list was capped and the value before it fell off, in which case it is skipped).
 */
function transitions<S>(previous: S[] | undefined, current: S): { before: S | null; state: S; i: number }[] {
  const states = [...(previous ?? []), current];
  const capped = (previous?.length ?? 0) >= PREVIOUS_CAP;
  return states
    .map((state, i) => ({ before: i === 0 ? null : (states[i - 1] ?? null), state, i }))
    .filter((t) => !(capped && t.i === 0));
}

function auditEntries(
  item: AuditItem,
  form: Form | undefined,
  doc: ZipingDocument,
  base: Base,
): HistoryEntry[] {
  const place = form ? auditLinePlace(form, item.indicatorId) : SECTION_NAMES.audit;
  const out: HistoryEntry[] = [];
  for (const { before, state, i } of transitions(item.previous, auditState(item))) {
    for (const field of ['auditScore', 'auditOpinion'] as AuditField[]) {
      const value = (s: typeof state | null): CellValue =>
        s === null ? null : field === 'auditScore' ? s.score : s.opinion || null;
      const old = value(before);
      if (old === value(state)) continue;
      const ref: CellRef = { section: 'audit', formId: item.formId, indicatorId: item.indicatorId, field };
      const there = cellValue(doc, ref) !== undefined;
      out.push(
        entry(base, `${item.id}|${i}|${field}`, {
          at: state.at,
          user: state.by,
          place,
          what: AUDIT_FIELD_NAMES[field],
          old,
          new: value(state),
          cellThen: ref,
          cell: there ? ref : null,
          reviewRestore: there
            ? {
                kind: 'audit',
                formId: item.formId,
                indicatorId: item.indicatorId,
                change:
                  field === 'auditScore'
                    ? { score: before?.score ?? null }
                    : { opinion: before?.opinion ?? '' },
              }
            : null,
        }),
      );
    }
  }
  return out;
}

/** 待审核, 退回修改（原因）: a status as the history shows it. */
export function statusText(status: ReviewStatus | null, reason: string): CellValue {
  if (status === null) return null;
  return reason.trim() ? `${status}（${reason.trim()}）` : status;
}

function statusEntries(item: StatusItem, form: Form | undefined, base: Base): HistoryEntry[] {
  return transitions(item.previous, statusState(item)).flatMap(({ before, state, i }) => {
    const old = before ? statusText(before.status, before.reason) : null;
    const now = statusText(state.status, state.reason);
    if (old === now) return [];
    return [
      entry(base, `${item.id}|${i}`, {
        at: state.at,
        user: state.by,
        place: '',
        what: '审核状态',
        old,
        new: now,
        reviewRestore: form
          ? {
              kind: 'status',
              formId: item.formId,
              status: before?.status ?? null,
              reason: before?.reason ?? '',
            }
          : null,
      }),
    ];
  });
}

/** The cell a comment is on, when it is one a history can name (a whole line or form: null). */
function anchorCell(formId: string | null, a: ReviewAnchor): CellRef | null {
  if (formId === null || !a.section || a.field === undefined) return null;
  if (a.indicatorId !== undefined) {
    const audit = a.field === 'auditScore' || a.field === 'auditOpinion';
    return checkCellRef({
      section: audit ? 'audit' : 'indicator',
      formId,
      indicatorId: a.indicatorId,
      field: a.field,
    });
  }
  const section = a.section === 'funds' && a.row !== undefined ? 'fundsRow' : a.section;
  return checkCellRef({ section, formId, row: a.row, field: a.field, key: a.field });
}

function commentPlace(
  item: CommentItem,
  form: Form | undefined,
  doc: ZipingDocument,
  cell: CellRef | null,
): string {
  if (item.formId === null) return '整个文档';
  if (!form) return '';
  if (cell) {
    const { place, item: name } = cellPlace(doc, cell);
    return `${place} · ${name}`;
  }
  const { indicatorId, section } = item.anchor;
  if (indicatorId !== undefined)
    return indicatorLinePlace(
      form,
      form.indicators.findIndex((i) => i.id === indicatorId),
    );
  return section ? (SECTION_NAMES[section as CellSection] ?? '本表') : '本表';
}

/** A comment's first words, to tell it from others at the same place. */
function gist(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 20 ? `${t.slice(0, 20)}…` : t;
}

function commentEntries(
  item: CommentItem,
  form: Form | undefined,
  doc: ZipingDocument,
  base: Base,
): HistoryEntry[] {
  const ref = anchorCell(item.formId, item.anchor);
  const cell = ref && cellValue(doc, ref) !== undefined ? ref : null;
  const lineId = cell === null && item.anchor.field === undefined ? item.anchor.indicatorId : undefined;
  const at = {
    place: commentPlace(item, form, doc, cell),
    cellThen: ref,
    cell,
    ...(lineId ? { lineId } : {}),
  };
  const out = [
    entry(base, `${item.id}|new`, {
      ...at,
      at: item.createdAt,
      user: item.author,
      what: item.parentId === null ? '新增批注' : '回复批注',
      old: null,
      new: item.text,
    }),
  ];
  if (item.resolved)
    out.push(
      entry(base, `${item.id}|resolved`, {
        ...at,
        at: item.resolvedAt ?? item.updatedAt,
        user: item.resolvedBy,
        what: `批注已解决（${gist(item.text)}）`,
        old: '未解决',
        new: '已解决',
      }),
    );
  if (item.deleted)
    out.push(
      entry(base, `${item.id}|deleted`, {
        ...at,
        at: item.updatedAt,
        user: item.deletedBy ?? '',
        what: '删除批注',
        old: item.text,
        new: null,
      }),
    );
  return out;
}

/** Every review item's history as entries, newest first; with `formId`, that form's only. */
export function reviewEntries(
  doc: ZipingDocument,
  items: Iterable<ReviewItem>,
  formId?: string,
): HistoryEntry[] {
  const forms = new Map(doc.forms.map((f) => [f.id, f]));
  const out: HistoryEntry[] = [];
  for (const item of items) {
    if (formId !== undefined && item.formId !== formId) continue;
    const form = item.formId === null ? undefined : forms.get(item.formId);
    const base: Base = { formId: item.formId, formName: form ? formName(form) : '' };
    if (item.kind === 'audit') out.push(...auditEntries(item, form, doc, base));
    else if (item.kind === 'status') out.push(...statusEntries(item, form, base));
    else out.push(...commentEntries(item, form, doc, base));
  }
  return out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/**
 * The change log's entries and review entries in one list, newest first: the log keeps its own
 * order (by seq), review entries go in by time.
 */
export function mergeByTime(
  logged: readonly HistoryEntry[],
  review: readonly HistoryEntry[],
): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  let r = 0;
  for (const e of logged) {
    while (r < review.length && (review[r]?.at ?? '') > e.at) out.push(review[r++] as HistoryEntry);
    out.push(e);
  }
  return out.concat(review.slice(r));
}

/**
 * The review patch that puts an entry's old value back as `user` at `now` (the value it replaces
 * joins the item's history); null when that value is there already.
 */
export function reviewRestorePatch(
  r: ReviewRestore,
  items: ReviewItems,
  user: string,
  now: string,
): ReviewPatch | null {
  return r.kind === 'status'
    ? statusPatch(items, r.formId, r.status, r.reason, user, now)
    : auditPatch(items, r.formId, r.indicatorId, r.change, user, now);
}

/** Whether restoring would change anything: the value there now differs from the one to restore. */
export function reviewRestoreChanges(r: ReviewRestore, items: ReviewItems): boolean {
  return reviewRestorePatch(r, items, '', '') !== null;
}
