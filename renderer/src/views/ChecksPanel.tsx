/**
 * 审核: the findings of the current form (or of the whole document), grouped by kind with counts,
 * totals problems and errors first; a click shows the cell. Folded, the panel is one line (counts
 * and the first error, itself a link to its cell), so the table keeps the room; F9 or 展开 opens
 * it at a height the user drags and that is remembered.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { TOGGLE_CHECKS } from './useMenuCommands';
import { checksSummary } from '../../../shared/checks/grouping';
import type { Finding } from '../../../shared/checks/types';
import type { Form } from '../../../shared/model/types';
import type { DocumentStore } from '../state/documentStore';
import { findingPlace } from '../layout/fieldNames';
import { useItemWindow, type ListGeometry } from './useItemWindow';
import { checkRows, groupedFindingsCache } from './checksRows';
import { readFlagSetting, writeFlagSetting } from '../state/uiSettings';
import { PanelResizer, usePanelHeight } from './PanelResizer';

/** The list as styled (styles.css `.checks-list > li`): a document's findings run to tens of thousands. */
function remember(open: boolean): boolean {
  writeFlagSetting('checksOpen', open);
  return open;
}

const LIST_GEOMETRY: ListGeometry = { itemHeight: 28, padding: 0, overscan: 15 };

interface Props {
  store: DocumentStore;
  form: Form;
  onPick: (finding: Finding) => void;
}

function FindingButton(props: {
  f: Finding;
  index: number;
  owner: Form | undefined;
  showForm: boolean;
  place: string;
  onPick: (f: Finding) => void;
}) {
  const { f, index, owner, showForm, place, onPick } = props;
  return (
    <button
      type="button"
      className={`finding finding-${f.level}`}
      onClick={() => onPick(f)}
      title={`${f.message}${place ? `（${place}）` : ''}`}
      data-testid={`finding-${index}`}
      data-level={f.level}
      data-code={f.code}
    >
      <span className={`level-tag level-${f.level}`}>{f.level === 'error' ? '错误' : '提示'}</span>
      {showForm && <span className="finding-form">{owner?.projectName || '（未命名）'}</span>}
      <span className="finding-message">{f.message}</span>
      <span className="finding-place">{place}</span>
    </button>
  );
}

export function ChecksPanel({ store, form, onPick }: Props) {
  const [scope, setScope] = useState<'form' | 'all'>('form');
  const [open, setOpenState] = useState(() => readFlagSetting('checksOpen', false));
  const [kind, setKind] = useState('');
  const [folded, setFolded] = useState<ReadonlySet<string>>(new Set());
  const [height, setHeight] = usePanelHeight('checksHeight', 200);
  // Open or folded is remembered for the next start.
  const toggle = () => setOpenState((v) => remember(!v));
  // 视图 › 审核面板 in the desktop menu, and F9 (Editor).
  useEffect(() => {
    const toggle = () => setOpenState((v) => remember(!v));
    window.addEventListener(TOGGLE_CHECKS, toggle);
    return () => window.removeEventListener(TOGGLE_CHECKS, toggle);
  }, []);
  const grouped = useMemo(groupedFindingsCache, []);
  const groups = grouped(
    scope === 'form'
      ? [store.result(form.id).findings]
      : store.doc.forms.map((f) => store.result(f.id).findings),
  );
  // A kind no longer found (all fixed, or another form shown) shows everything again.
  const kindShown = groups.some((g) => g.key === kind) ? kind : '';
  const rows = checkRows(groups, kindShown, folded);
  const listRef = useRef<HTMLOListElement | null>(null);
  const { first, last, before, after } = useItemWindow(listRef, open ? rows.length : 0, LIST_GEOMETRY);
  const summary = checksSummary(groups);
  const layout = store.layout;
  const placeOf = (f: Finding) => {
    const owner = scope === 'all' ? store.form(f.formId) : form;
    return { owner, place: owner ? findingPlace(f, owner, layout) : '' };
  };
  const firstShown = summary.first ? placeOf(summary.first) : null;
  const fold = (key: string) =>
    setFolded((s) => {
      const next = new Set(s);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  return (
    <section
      className={`checks-panel${open ? '' : ' collapsed'}`}
      style={open ? { height } : undefined}
      aria-label="审核"
      data-testid="checks-panel"
      data-open={open}
    >
      {open && (
        <PanelResizer height={height} onResize={setHeight} label="调整审核面板高度" testId="checks-resizer" />
      )}
      <div className="checks-head">
        <strong>审核</strong>
        <span className="checks-summary" data-testid="checks-summary">
          {summary.first === null ? '没有发现问题' : `${summary.errors} 个错误，${summary.warnings} 个提示`}
        </span>
        {!open && summary.first && firstShown && (
          <button
            type="button"
            className={`link-button checks-first finding-${summary.first.level}`}
            onClick={() => summary.first && onPick(summary.first)}
            title={summary.first.message}
            data-testid="checks-first"
          >
            {scope === 'all' && firstShown.owner ? `${firstShown.owner.projectName}：` : ''}
            {summary.first.message}
          </button>
        )}
        <span className="toolbar-spacer" />
        {open && (
          <select
            value={kindShown}
            onChange={(e) => setKind(e.target.value)}
            aria-label="问题类别"
            data-testid="checks-kind"
          >
            <option value="">全部类别</option>
            {groups.map((g) => (
              <option key={g.key} value={g.key}>
                {g.title} ×{g.findings.length}
              </option>
            ))}
          </select>
        )}
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
          onClick={toggle}
          title="F9"
          data-testid="checks-toggle"
        >
          {open ? '收起' : '展开'}
        </button>
      </div>
      <ol className="checks-list" hidden={!open} ref={listRef}>
        {before > 0 && <li className="checks-list-spacer" aria-hidden style={{ height: before }} />}
        {open &&
          rows.slice(first, last).map((row, k) => (
            <li key={row.key} className={row.type === 'group' ? 'checks-group-row' : undefined}>
              {row.type === 'group' ? (
                <button
                  type="button"
                  className={`checks-group checks-group-${row.group.level}`}
                  aria-expanded={!row.folded}
                  onClick={() => fold(row.group.key)}
                  data-testid={`checks-group-${first + k}`}
                  data-kind={row.group.key}
                >
                  <span className="checks-group-fold" aria-hidden>
                    {row.folded ? '▸' : '▾'}
                  </span>
                  <span className={`level-tag level-${row.group.level}`}>
                    {row.group.level === 'error' ? '错误' : '提示'}
                  </span>
                  <span className="finding-message">{row.group.title}</span>
                  <span className="checks-group-count">×{row.group.findings.length}</span>
                </button>
              ) : (
                <FindingButton
                  f={row.finding}
                  index={row.index}
                  {...placeOf(row.finding)}
                  showForm={scope === 'all'}
                  onPick={onPick}
                />
              )}
            </li>
          ))}
        {after > 0 && <li className="checks-list-spacer" aria-hidden style={{ height: after }} />}
      </ol>
    </section>
  );
}
