/**
 * The text of a merged 一级/二级 cell in an element of its own, so that it can stick to the top of
 * the visible part of a tall group (grid/stickyLabels.ts) instead of sitting in the middle of a
 * cell that is mostly off screen. A plain DOM renderer: no React work per cell.
 */
import type { ICellRendererComp, ICellRendererParams } from 'ag-grid-community';
import { labelsChanged } from './stickyLabels';

export class LevelLabel implements ICellRendererComp {
  private readonly el = document.createElement('span');

  init(params: ICellRendererParams): void {
    this.el.className = 'level-label';
    this.refresh(params);
    // A new merged cell: its grid works out which labels stick (grid/stickyLabels.ts).
    labelsChanged();
  }

  getGui(): HTMLElement {
    return this.el;
  }

  refresh(params: ICellRendererParams): boolean {
    const shown: unknown = params.valueFormatted ?? params.value;
    const text = typeof shown === 'string' || typeof shown === 'number' ? String(shown) : '';
    // Refreshed with its row on every edit: the same text set again would still replace the
    // text node and lay the tall merged cell out anew in the edit's frame.
    if (this.el.textContent !== text) this.el.textContent = text;
    return true;
  }
}
