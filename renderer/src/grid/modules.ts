/**
 * The AG Grid Community modules the form grids use, registered one by one instead of
 * AllCommunityModule, so that the bundle carries only these (#23: the renderer's JavaScript before
 * the first paint). A feature whose module is missing does nothing and AG Grid logs an error
 * naming the module: add it here (the 汇总's own are in summaryModules.ts, loaded with it).
 */
import {
  CellApiModule,
  CellSpanModule,
  CellStyleModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  CustomEditorModule,
  EventApiModule,
  LargeTextEditorModule,
  LocaleModule,
  ModuleRegistry,
  RenderApiModule,
  RowApiModule,
  ScrollApiModule,
  SelectEditorModule,
  TextEditorModule,
  TooltipModule,
} from 'ag-grid-community';

ModuleRegistry.registerModules([
  ClientSideRowModelModule,
  // The API calls the grids and the sheet controller make.
  ClientSideRowModelApiModule,
  RowApiModule,
  CellApiModule,
  ColumnApiModule,
  RenderApiModule,
  ScrollApiModule,
  EventApiModule,
  // Cell classes (grouped headers, resizing, sorting and keyboard moves come with the core).
  CellStyleModule,
  // 一级/二级 merged down (enableCellSpan), score explanations in tooltips.
  CellSpanModule,
  TooltipModule,
  // Editors: text, long text in a popup, 评价等级 from a list, our own level and name editors.
  TextEditorModule,
  LargeTextEditorModule,
  SelectEditorModule,
  CustomEditorModule,
  LocaleModule,
]);
