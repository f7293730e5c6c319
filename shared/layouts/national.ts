/** Layout A (national template), and the parts the other layouts build on. */
import type {
  ColumnDef,
  FundsColumnKey,
  IndicatorColumnKey,
  KindLayout,
  LayoutDef,
  ScoringPolicy,
} from './types';

export const col = <K extends string>(key: K, title: string, width: number): ColumnDef<K> => ({
  key,
  title,
  width,
});

export const NATIONAL_BANDS = [
  { grade: '优', min: 90 },
  { grade: '良', min: 80 },
  { grade: '中', min: 60 },
  { grade: '差', min: 0 },
] as const;

export const BASE_POLICY: ScoringPolicy = {
  executionRounding: 'halfUp',
  gradeBands: NATIONAL_BANDS.map((b) => ({ ...b })),
  overshootThreshold: 1.2,
  executionWeight: 10,
  defaultSplit: { 产出指标: 50, 效益指标: 30, 满意度指标: 10 },
  splitSharesWith: { 成本指标: '产出指标' },
  equalSplit: false,
  ratioBothWays: false,
  totalCaps: [],
};

export const PROJECT_LEVELS: Record<string, string[]> = {
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  成本指标: ['经济成本指标', '社会成本指标', '生态环境成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
};

export const MANAGEMENT_EFFICIENCY = ['预算执行', '预算管理', '资产管理', '人员管理', '制度管理'];

export const DEPARTMENT_LEVELS: Record<string, string[]> = {
  ...PROJECT_LEVELS,
  履职效能: ['重点工作履职情况', '总体工作完成情况'],
  管理效率: MANAGEMENT_EFFICIENCY,
};

export const PROJECT_ANALYSIS = [
  '项目实施和预算执行情况',
  '产出情况及分析',
  '效益情况及分析',
  '满意度情况及分析',
  '主要经验做法',
  '项目管理中存在的主要问题及原因分析',
  '下一步改进措施及管理建议',
];

export const DEPARTMENT_ANALYSIS = [
  '部门基本情况',
  '整体支出情况',
  '自评结论',
  '履职效能分析',
  '管理效率分析',
  '存在问题',
  '改进措施',
];

export const LEVEL_COLUMNS: ColumnDef<IndicatorColumnKey>[] = [
  col('level1', '一级指标', 10),
  col('level2', '二级指标', 12),
  col('name', '三级指标', 22),
];

export const NATIONAL_INDICATORS: ColumnDef<IndicatorColumnKey>[] = [
  ...LEVEL_COLUMNS,
  col('target', '年度指标值', 14),
  col('actual', '实际完成值', 14),
  col('weight', '分值', 7),
  col('score', '得分', 7),
  col('deviationReason', '偏差原因分析及改进措施', 24),
];

export const NATIONAL_FUNDS: ColumnDef<FundsColumnKey>[] = [
  col('source', '项目资金（万元）', 20),
  col('initialBudget', '年初预算数', 12),
  col('fullYearBudget', '全年预算数', 12),
  col('executed', '全年执行数', 12),
  col('weight', '分值', 7),
  col('rate', '执行率', 9),
  col('score', '得分', 7),
];

export const nationalProject: KindLayout = {
  title: '项目支出绩效自评表',
  indicatorColumns: NATIONAL_INDICATORS,
  fundsColumns: NATIONAL_FUNDS,
  // Marked, so that a form holding 004's rows (total last) still scores on its total here.
  fundsRows: [
    { source: '年度资金总额', total: true },
    { source: '其中：当年财政拨款' },
    { source: '上年结转资金' },
    { source: '其他资金' },
  ],
  analysisTitles: [],
  levels: PROJECT_LEVELS,
  checkSplit: true,
};

export const nationalDepartment: KindLayout = {
  ...nationalProject,
  title: '部门整体支出绩效自评表',
  fundsColumns: NATIONAL_FUNDS.map((c) => (c.key === 'source' ? { ...c, title: '年度预算申请（万元）' } : c)),
  fundsRows: [
    { source: '年度资金总额' },
    { source: '一般公共预算', group: 'income' },
    { source: '政府性基金拨款', group: 'income' },
    { source: '纳入专户管理的非税收入', group: 'income' },
    { source: '其他资金', group: 'income' },
    { source: '基本支出', group: 'expense' },
    { source: '项目支出', group: 'expense' },
  ],
  analysisTitles: DEPARTMENT_ANALYSIS,
  levels: DEPARTMENT_LEVELS,
  checkSplit: false,
};

export const national: LayoutDef = {
  id: 'national',
  name: '全国通用（财政部模板）',
  letter: 'A',
  orientation: 'portrait',
  printsGrade: false,
  kinds: { project: nationalProject, department: nationalDepartment },
  notes: [],
  policy: BASE_POLICY,
};
