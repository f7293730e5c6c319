/**
 * What the 汇总 table adds to the form grids' modules (grid/modules.ts): the text and number
 * filters under the headers, the 合计 row pinned at the bottom and its row class (sorting and the
 * name column's flex come with AG Grid's core). Registered when the 汇总's chunk loads.
 */
import {
  ModuleRegistry,
  NumberFilterModule,
  PinnedRowModule,
  RowStyleModule,
  TextFilterModule,
} from 'ag-grid-community';

ModuleRegistry.registerModules([TextFilterModule, NumberFilterModule, PinnedRowModule, RowStyleModule]);
