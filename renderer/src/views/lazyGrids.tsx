/**
 * The form's grids from their own chunk (views/formGrids.ts). Until it is there (a moment after
 * the window's own JavaScript), each grid's place says so; if it cannot be loaded (a damaged
 * installation), the place says that and the rest of the window — saving included — still works.
 */
import { lazyView } from './lazyViews';

const loadGrids = () => import('./formGrids');

const text = {
  loading: '正在载入表格…',
  failed:
    '表格组件载入失败：请关闭后重新打开本软件；仍然如此，请重新安装自评表编辑器。已填写的内容不受影响。',
};

export const FundsTable = lazyView(async () => (await loadGrids()).FundsTable, text);
export const IndicatorTable = lazyView(async () => (await loadGrids()).IndicatorTable, text);
