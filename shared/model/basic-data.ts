/** The 基础数据表 of layout D (types.ts `BasicData`): its empty table and its computed 控制率. */
import type { BasicDataLayout } from '../layouts/types';
import type { BasicData } from './types';

/** Printed labels of the table (004), shared by the Excel sheet and the editor. */
export const BASIC_DATA_LABELS = {
  staff: '财政供养人员情况',
  authorized: '编制数',
  actualStaff: (year: number) => `${year}年实际在职人数`,
  staffRate: '控制率',
  spending: '经费控制情况（万元）',
  lastYearFinal: (year: number) => `${year - 1}年决算数`,
  budget: (year: number) => `${year}年预算数`,
  final: (year: number) => `${year}年决算数`,
  building: (year: number) => `楼堂馆所控制情况（${year}年完工项目）`,
  approvedArea: '批复规模（m²）',
  actualArea: '实际规模（m²）',
  areaRate: '规模控制率',
  budgetInvestment: '预算投资（万元）',
  actualInvestment: '实际投资（万元）',
  investmentRate: '投资概算控制率',
  saving: '厉行节约保障措施',
} as const;

/** The layout's empty table: its 经费控制情况 lines without amounts. */
export function emptyBasicData(layout: BasicDataLayout): BasicData {
  return {
    authorizedStaff: null,
    actualStaff: null,
    spending: layout.spendingItems.map((item) => ({ item, lastYearFinal: null, budget: null, final: null })),
    building: { approvedArea: null, actualArea: null, budgetInvestment: null, actualInvestment: null },
    savingMeasures: '',
  };
}

/** part / whole (实际在职人数 / 编制数 …), or null when either is missing or the whole is 0. */
export function controlRate(part: number | null, whole: number | null): number | null {
  return part === null || whole === null || whole === 0 ? null : part / whole;
}
