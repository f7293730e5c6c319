/**
 * Where each document tool (生成自评报告, 新建下一年度文档, 导入申报表, 导入/导出指标库) writes or
 * reads, asked in the file chooser: from the 更多 popover and from the desktop's 文件 menu.
 */
import type { DocumentStore } from '../state/documentStore';
import { fileChooser } from '../state/fileChooser';
import { nextYearPath, suggestedPath } from '../state/fileNames';
import type { DocumentTool } from './useDocumentTools';

/** The kind of file each tool writes or reads (the chooser's filter). */
const KINDS = {
  exportReport: '.docx',
  rollover: '.ziping',
  importTargets: '.xlsx',
  importLibrary: '.xlsx',
  exportLibrary: '.xlsx',
} as const satisfies Record<DocumentTool, string>;

export const TOOLS: ReadonlyArray<{ id: DocumentTool; label: string; title: string; writes: boolean }> = [
  {
    id: 'exportReport',
    label: '生成自评报告',
    title: '由文档中的表生成部门整体支出绩效自评报告（Word .docx）',
    writes: true,
  },
  {
    id: 'rollover',
    label: '新建下一年度文档',
    title: '带入每张表的指标、权重和指标值，清空完成值和得分',
    writes: true,
  },
  {
    id: 'importTargets',
    label: '导入绩效目标申报表',
    title: '由申报表（.xlsx）新增表格：指标、指标值、分值和资金',
    writes: false,
  },
  {
    id: 'importLibrary',
    label: '导入指标库',
    title: '把主管部门下发的指标库（.xlsx）加入自己的指标库',
    writes: false,
  },
  {
    id: 'exportLibrary',
    label: '导出指标库',
    title: '把自己的指标库（含本文档的指标）导出为 .xlsx，供下发或备份',
    writes: true,
  },
];

function defaultPath(store: DocumentStore, tool: DocumentTool): string {
  switch (tool) {
    case 'exportReport':
      return suggestedPath(store, 'docx', '-自评报告');
    case 'rollover':
      return nextYearPath(store);
    case 'exportLibrary':
      return suggestedPath(store, 'xlsx', '-指标库');
    default:
      return '';
  }
}

/** Asks where `tool` writes (a save) or what it reads (an open); null when cancelled. */
export function chooseToolTarget(store: DocumentStore, tool: DocumentTool): Promise<string | null> {
  const about = TOOLS.find((t) => t.id === tool);
  const writes = about?.writes ?? false;
  const suggested = defaultPath(store, tool);
  return fileChooser.choose({
    mode: writes ? 'save' : 'open',
    title: about?.label ?? '选择文件',
    kinds: [KINDS[tool]],
    ...(suggested === '' ? {} : { suggested }),
    confirm: writes ? '保存' : '打开',
  });
}
