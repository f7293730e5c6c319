/**
 * One form in the document's layout, top to bottom as printed: title and header, funds, goals,
 * the indicator table with its total row, the analysis texts and the layout's notes.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { FindingLocation } from '../../../shared/checks/types';
import type { Form } from '../../../shared/model/types';
import type { FocusRequest } from '../state/focusRequest';
import { FocusedLine } from '../state/focusedLine';
import { AnalysisBlock } from './AnalysisBlock';
import { BasicDataBlock } from './BasicDataBlock';
import { useEditor } from './EditorContext';
import { FormHeader } from './FormHeader';
import { FundsPairs } from './FundsPairs';
import { GoalsBlock } from './GoalsBlock';
import type { GridHandle } from '../grid/useFormGrid';
import { FundsTable, IndicatorTable } from './lazyGrids';
import { LineDetail } from './LineDetail';
import { FormTotalRow } from './TotalRow';
import { useFormComments } from './useFormComments';

interface Props {
  form: Form;
  /** A finding of this form to show (from the checks panel). */
  focus: FocusRequest | null;
  /** Where the line detail goes (under the form's scroll area); in the form until it exists. */
  detailSlot: HTMLElement | null;
}

export function FormView({ form, focus, detailSlot }: Props) {
  const { store, reviewUi } = useEditor();
  const layout = store.layout;
  const indicators = useRef<GridHandle | null>(null);
  const funds = useRef<GridHandle | null>(null);
  const root = useRef<HTMLDivElement | null>(null);
  const totalRow = useRef<HTMLDivElement | null>(null);
  const focusedLine = useMemo(() => new FocusedLine(), []);

  useEffect(() => focusedLine.set(null), [form.id, focusedLine]);

  const show = useCallback((f: FindingLocation): boolean => {
    switch (f.section) {
      case 'indicator':
        return indicators.current?.focusCell(f.row ?? 0, f.field) ?? false;
      case 'funds':
        return funds.current?.focusCell(f.row ?? 0, f.field) ?? false;
      case 'total': {
        const el = totalRow.current;
        if (!el) return false;
        el.scrollIntoView({ block: 'center' });
        el.focus();
        return true;
      }
      default: {
        const key =
          f.section === 'goals' ? `goals:${f.field ?? 'expected'}` : `${f.section}:${f.field ?? ''}`;
        const el = root.current?.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`);
        if (!el) return false;
        el.scrollIntoView({ block: 'center' });
        el.focus();
        return true;
      }
    }
  }, []);

  // Show the finding's cell once the grids hold this form's rows (they update a frame later).
  useEffect(() => {
    if (!focus) return;
    let tries = 0;
    let frame = 0;
    const attempt = () => {
      if (show(focus.location)) return focus.after?.();
      if (++tries > 30) return;
      frame = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  }, [focus, show]);

  useFormComments(root, form, store, reviewUi);

  const kind = layout.kinds[form.kind];
  return (
    <div
      className={`form-view layout-${layout.id}`}
      ref={root}
      data-testid="form-view"
      data-form-id={form.id}
    >
      <FormHeader form={form} />
      <section className="form-section" aria-label="资金情况">
        <FundsTable form={form} handle={funds} />
        {kind.fundsGroupsSideBySide && <FundsPairs form={form} />}
      </section>
      <GoalsBlock form={form} />
      <section className="form-section" aria-label="绩效指标">
        <h2 className="section-title" data-testid="indicator-caption">
          {kind.indicatorCaption ?? '绩效指标'}
        </h2>
        <IndicatorTable form={form} handle={indicators} focusedLine={focusedLine} />
        <FormTotalRow form={form} ref={totalRow} />
        {detailSlot ? (
          createPortal(<LineDetail form={form} focusedLine={focusedLine} />, detailSlot)
        ) : (
          <LineDetail form={form} focusedLine={focusedLine} />
        )}
      </section>
      <AnalysisBlock form={form} />
      {kind.basicData && <BasicDataBlock form={form} def={kind.basicData} />}
      {layout.notes.length > 0 && (
        <section className="form-notes" aria-label="备注">
          {layout.notes.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </section>
      )}
      <div className="form-footnote">
        {kind.title} · {layout.name}
      </div>
    </div>
  );
}
