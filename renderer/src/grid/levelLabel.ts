/**
 * The text of a merged 一级/二级 cell in an element of its own, so that it can stick to the top of
 * the visible part of a tall group (styles.css .level-label) instead of sitting in the middle of a
 * cell that is mostly off screen. A plain DOM renderer: no React work per cell.
 */
import type { ICellRendererComp, ICellRendererParams } from 'ag-grid-community';

export class LevelLabel implements ICellRendererComp {
  private readonly el = document.createElement('span');

  init(params: ICellRendererParams): void {
    this.el.className = 'level-label';
    this.refresh(params);
  }

  getGui(): HTMLElement {
    return this.el;
  }

  refresh(params: ICellRendererParams): boolean {
    const shown: unknown = params.valueFormatted ?? params.value;
    this.el.textContent = typeof shown === 'string' || typeof shown === 'number' ? String(shown) : '';
    return true;
  }
}
