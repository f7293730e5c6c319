/**
 * The form's grids from their own chunk (views/formGrids.ts, AG Grid). Until it is there each
 * grid's place shows the form's rows drawn as plain HTML (views/formPreviews.tsx): the first form
 * is on screen before AG Grid's JavaScript is even fetched (#23), which is why the chunk is asked
 * for only after that first paint. If it cannot be loaded (a damaged installation), the place
 * says so and the rest of the window — saving included — still works.
 */
import { afterPaint } from '../state/afterPaint';
import { FundsPreview, IndicatorPlaceholder } from './formPreviews';
import { lazyView } from './lazyViews';

// A hidden window does not wait for a paint; one hidden meanwhile loads the grids when shown.
let grids: Promise<typeof import('./formGrids')> | null = null;
const loadGrids = () => (grids ??= afterPaint().then(() => import('./formGrids')));

const failed =
  '表格组件载入失败：请关闭后重新打开本软件；仍然如此，请重新安装自评表编辑器。已填写的内容不受影响。';

export const FundsTable = lazyView(async () => (await loadGrids()).FundsTable, {
  loading: FundsPreview,
  failed,
});
export const IndicatorTable = lazyView(async () => (await loadGrids()).IndicatorTable, {
  loading: IndicatorPlaceholder,
  failed,
});
