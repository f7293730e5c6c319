/**
 * The form's two grids and AG Grid with them: a chunk of its own (≈ 1 MB of the renderer's
 * JavaScript), loaded as soon as the window knows a document is open (state/startup.ts) and
 * otherwise when a form is first shown (views/lazyGrids.tsx). The start panel and the many-units
 * overview come up without it.
 */
import '../grid/setup';

export { FundsTable } from './FundsTable';
export { IndicatorTable } from './IndicatorTable';
