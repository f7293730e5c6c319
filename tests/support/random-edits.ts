/**
 * Random edits of a document, each step valid for the document as it is (ids that exist, rows
 * in range): cell edits of every part of a form, several cells at once (a paste), indicator lines
 * and funds rows inserted, deleted and moved, forms added, removed and moved. New lines and forms
 * get ids never used before, so an id names one line for the whole run.
 */
import { newForm, newFundsRow, newIndicator } from '../../shared/model/factory';
import type { Patch } from '../../shared/model/patch';
import { TIERS, type Form, type ZipingDocument } from '../../shared/model/types';

export const ANALYSIS_KEYS = ['绩效自评结果分析', '存在的问题及改进措施'] as const;

const TEXTS = ['', '85%', '≥90%', '达成预期指标', '10月底前', '100万元', '已完成', '改进措施：加强管理'];

export interface EditOptions {
  /** Funds rows inserted and deleted (their cells are then named by index only). */
  fundsRows: boolean;
}

export class RandomEdits {
  private fresh = 0;

  constructor(
    private readonly r: () => number,
    private readonly options: EditOptions,
  ) {}

  private int(n: number): number {
    return Math.floor(this.r() * n);
  }
  private pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)] as T;
  }
  private text(): string {
    return this.r() < 0.3 ? `文字${this.int(1000)}` : this.pick(TEXTS);
  }
  private num(): number | null {
    return this.r() < 0.15 ? null : Math.round(this.r() * 10000) / 100;
  }

  /** One step (one undo step in the editor): a list of patches applied together. */
  next(doc: ZipingDocument): Patch[] {
    const form = doc.forms.length > 0 ? this.pick(doc.forms) : null;
    const roll = this.r();
    if (!form || roll < 0.04) return [this.insertForm(doc)];
    if (roll < 0.06 && doc.forms.length > 1) return [{ op: 'deleteForm', formId: form.id }];
    if (roll < 0.08) return [{ op: 'moveForm', formId: form.id, toIndex: this.int(doc.forms.length) }];
    if (roll < 0.13) return [this.insertIndicator(form)];
    if (roll < 0.17 && form.indicators.length > 1)
      return [{ op: 'deleteIndicator', formId: form.id, indicatorId: this.pick(form.indicators).id }];
    if (roll < 0.21 && form.indicators.length > 0)
      return [
        {
          op: 'moveIndicator',
          formId: form.id,
          indicatorId: this.pick(form.indicators).id,
          toIndex: this.int(form.indicators.length),
        },
      ];
    if (this.options.fundsRows && roll < 0.24)
      return [
        {
          op: 'insertFundsRow',
          formId: form.id,
          index: this.int(form.funds.rows.length + 1),
          row: { ...newFundsRow(`来源${this.fresh++}`), executed: this.num() },
        },
      ];
    if (this.options.fundsRows && roll < 0.26 && form.funds.rows.length > 1)
      return [{ op: 'deleteFundsRow', formId: form.id, row: this.int(form.funds.rows.length) }];
    if (roll < 0.27) return [{ op: 'setMeta', field: 'unit', value: `单位${this.int(5)}` }];
    // A paste touches several cells in one step.
    const count = roll < 0.4 ? 2 + this.int(3) : 1;
    return Array.from({ length: count }, () => this.setCell(form));
  }

  private insertForm(doc: ZipingDocument): Patch {
    const id = `new${this.fresh++}`;
    const form: Form = newForm(id, doc.meta.layout, 'project', doc.meta.year, `新表${id}`);
    form.indicators.push(newIndicator(`${id}-i1`, { level1: '产出指标', name: '数量', weight: 10 }));
    return { op: 'insertForm', index: this.int(doc.forms.length + 1), form };
  }

  private insertIndicator(form: Form): Patch {
    const indicator = newIndicator(`n${this.fresh++}`, {
      level1: '效益指标',
      name: this.text(),
      actual: this.text(),
      weight: this.num(),
    });
    return { op: 'insertIndicator', formId: form.id, index: this.int(form.indicators.length + 1), indicator };
  }

  private setCell(form: Form): Patch {
    const formId = form.id;
    const ind = form.indicators.length > 0 ? this.pick(form.indicators) : null;
    const row = this.int(form.funds.rows.length);
    const which = this.int(ind ? 12 : 8);
    switch (which) {
      case 0:
        return {
          op: 'setForm',
          formId,
          field: this.pick(['projectName', 'department', 'unit'] as const),
          value: this.text(),
        };
      case 1:
        return { op: 'setForm', formId, field: 'printedTotal', value: this.num() };
      case 2:
        return { op: 'setFunds', formId, field: this.pick(['weight', 'score'] as const), value: this.num() };
      case 3:
        return { op: 'setFunds', formId, field: 'deviationReason', value: this.text() };
      case 4:
        if (form.funds.rows.length === 0)
          return { op: 'setGoals', formId, field: 'expected', value: this.text() };
        return {
          op: 'setFundsRow',
          formId,
          row,
          field: this.pick(['fullYearBudget', 'executed', 'initialBudget'] as const),
          value: this.num(),
        };
      case 5:
        if (form.funds.rows.length === 0)
          return { op: 'setGoals', formId, field: 'actual', value: this.text() };
        return { op: 'setFundsRow', formId, row, field: 'source', value: this.text() };
      case 6:
        return {
          op: 'setGoals',
          formId,
          field: this.pick(['expected', 'actual'] as const),
          value: this.text(),
        };
      case 7:
        return {
          op: 'setAnalysis',
          formId,
          key: this.pick(ANALYSIS_KEYS),
          value: this.r() < 0.2 ? null : this.text(),
        };
      default: {
        const indicatorId = (ind ?? { id: '' }).id;
        const kind = this.int(4);
        if (kind === 0)
          return {
            op: 'setIndicator',
            formId,
            indicatorId,
            field: this.pick(['weight', 'score'] as const),
            value: this.num(),
          };
        if (kind === 1)
          return {
            op: 'setIndicator',
            formId,
            indicatorId,
            field: 'tier',
            value: this.r() < 0.3 ? null : this.pick(TIERS),
          };
        return {
          op: 'setIndicator',
          formId,
          indicatorId,
          field: this.pick(['actual', 'target', 'name', 'scoreReason', 'deviationReason'] as const),
          value: this.text(),
        };
      }
    }
  }
}
