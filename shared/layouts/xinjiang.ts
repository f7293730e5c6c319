/** Layout C: 新疆, with its own 单位整体支出绩效自评表. */
import type { ColumnDef, IndicatorColumnKey, KindLayout, LayoutDef } from './types';
import {
  col,
  BASE_POLICY,
  PROJECT_LEVELS,
  MANAGEMENT_EFFICIENCY,
  LEVEL_COLUMNS,
  NATIONAL_FUNDS,
} from './national';

const XINJIANG_INDICATORS: ColumnDef<IndicatorColumnKey>[] = [
  ...LEVEL_COLUMNS,
  col('weight', '权重', 6),
  col('target', '目标值', 11),
  col('actual', '业绩值', 11),
  col('completionRate', '完成率', 9),
  col('score', '指标得分', 8),
  col('basis', '指标值设定依据', 14),
  col('lastYear', '上年完成情况', 12),
  col('ruleText', '赋分规则', 14),
  col('evidence', '佐证资料', 14),
  col('deviationReason', '偏差原因分析及改进措施', 20),
];

const xinjiangProject: KindLayout = {
  title: '项目支出绩效自评表',
  indicatorColumns: XINJIANG_INDICATORS,
  fundsColumns: NATIONAL_FUNDS,
  fundsRows: [
    { source: '年度资金总额', total: true },
    { source: '其中：当年财政拨款' },
    { source: '其他资金' },
  ],
  analysisTitles: [],
  levels: PROJECT_LEVELS,
  checkSplit: true,
  indicatorCaption: '年度绩效指标完成情况',
  totalInPoints: true,
};

/** 新疆's 单位整体支出绩效自评表: a table of its own (forms.md, Layout C). */
const XINJIANG_DEPARTMENT_INDICATORS: ColumnDef<IndicatorColumnKey>[] = [
  ...LEVEL_COLUMNS,
  col('target', '预期指标值', 14),
  col('basis', '指标值设定依据', 24),
  col('weight', '分值权重', 7),
  col('actual', '实际完成指标值', 14),
  col('score', '得分', 7),
];

const xinjiangDepartment: KindLayout = {
  title: '单位整体支出绩效自评表',
  indicatorColumns: XINJIANG_DEPARTMENT_INDICATORS,
  fundsColumns: [
    col('source', '部门资金（万元）', 16),
    col('initialBudget', '年初预算数', 12),
    col('fullYearBudget', '全年预算数', 12),
    col('executed', '全年执行数', 12),
    col('weight', '分值权重', 8),
    col('rate', '执行率', 9),
    col('score', '得分', 7),
  ],
  // 分值权重, 执行率 and 得分 print on the first row; the rate is that of 合计, printed last.
  fundsRows: [
    { source: '上级资金' },
    { source: '本级资金' },
    { source: '其他资金' },
    { source: '合计', total: true },
  ],
  fundsScoresOnFirst: true,
  fundsDash: '-',
  analysisTitles: ['基本情况', '整体支出情况', '自评结论', '存在问题', '改进措施'],
  levels: {
    履职效能: ['数量指标', '质量指标', '时效指标', '成本指标'],
    管理效率: MANAGEMENT_EFFICIENCY,
    社会效应: ['经济效益指标', '社会效益指标', '生态效益指标'],
    可持续发展: ['可持续影响指标'],
    满意度: ['服务对象满意度指标'],
  },
  checkSplit: false,
  nameOnly: true,
};

export const xinjiang: LayoutDef = {
  id: 'xinjiang',
  name: '新疆（昌吉）',
  letter: 'C',
  orientation: 'landscape',
  // Neither form prints 等级: the project form's total row is 总分 | 100 | 92.35分.
  printsGrade: false,
  kinds: { project: xinjiangProject, department: xinjiangDepartment },
  notes: [],
  policy: { ...BASE_POLICY, executionRounding: 'truncate', ratioBothWays: true },
};
