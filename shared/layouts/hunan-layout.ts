/** Layout D: 湖南（衡阳）, 004 (its data parts in hunan.ts). */
import { HUNAN_BASIC_DATA, HUNAN_PROJECT_FUNDS_ROWS, HUNAN_PROJECT_LEVELS } from './hunan';
import type { ColumnDef, IndicatorColumnKey, KindLayout, LayoutDef } from './types';
import {
  col,
  BASE_POLICY,
  LEVEL_COLUMNS,
  NATIONAL_INDICATORS,
  nationalProject,
  nationalDepartment,
} from './national';

const HUNAN_DEPARTMENT_INDICATORS: ColumnDef<IndicatorColumnKey>[] = [
  ...LEVEL_COLUMNS,
  col('target', '年度指标值', 12),
  col('actual', '实际完成值', 12),
  col('ruleText', '评分标准', 26),
  col('weight', '分值', 6),
  col('score', '得分', 6),
  col('deviationReason', '偏差原因分析及改进措施', 20),
];

/**
 * 004's project form: 项目支出名称, its funds rows with 年度资金总额 last (scored there), no
 * 偏差原因 column (the model keeps the field), 成本指标 a 一级 of its own, the whole tree printed.
 */
const hunanProject: KindLayout = {
  ...nationalProject,
  nameLabel: '项目支出名称',
  indicatorColumns: NATIONAL_INDICATORS.filter((c) => c.key !== 'deviationReason'),
  fundsRows: HUNAN_PROJECT_FUNDS_ROWS,
  // The source rows leave 分值/执行率/得分 blank (all seven of 004's project forms).
  fundsDash: '',
  levels: HUNAN_PROJECT_LEVELS,
  // All seven print every 二级 row of the tree (empty ones blank) and nothing above 项目支出名称.
  printsEveryLevel: true,
  untitled: true,
};

export const hunan: LayoutDef = {
  id: 'hunan',
  name: '湖南（衡阳）',
  letter: 'D',
  orientation: 'landscape',
  printsGrade: false,
  kinds: {
    project: hunanProject,
    // 004's 自评表: 预算部门名称 alone, amounts titled （万元）, income and expense side by side; the
    // project forms' tree, printed whole (its empty 经济成本指标 and 社会成本指标 rows too).
    department: {
      ...nationalDepartment,
      fundsColumns: nationalDepartment.fundsColumns.map((c) =>
        c.key === 'initialBudget' || c.key === 'fullYearBudget' || c.key === 'executed'
          ? { ...c, title: `${c.title}（万元）` }
          : c,
      ),
      indicatorColumns: HUNAN_DEPARTMENT_INDICATORS,
      basicData: HUNAN_BASIC_DATA,
      fundsSourceTitle: '',
      fundsGroupsSideBySide: true,
      nameOnly: true,
      levels: HUNAN_PROJECT_LEVELS,
      printsEveryLevel: true,
    },
  },
  notes: [],
  policy: BASE_POLICY,
};
