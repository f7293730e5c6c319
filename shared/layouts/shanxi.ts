/** Layout B: 山西（晋城）, 002. */
import type { ColumnDef, FundsColumnKey, IndicatorColumnKey, KindLayout, LayoutDef } from './types';
import { col, BASE_POLICY, PROJECT_ANALYSIS, DEPARTMENT_ANALYSIS, LEVEL_COLUMNS } from './national';

const SHANXI_INDICATORS: ColumnDef<IndicatorColumnKey>[] = [
  ...LEVEL_COLUMNS,
  col('targetInitial', '年初指标值', 11),
  col('target', '调整后指标值', 11),
  col('actual', '实际完成值', 11),
  col('qualitativeNote', '定性值情况说明', 14),
  col('weight', '分值', 6),
  col('score', '得分', 6),
  col('deviationReason', '偏差原因分析及改进措施', 22),
];

const SHANXI_FUNDS: ColumnDef<FundsColumnKey>[] = [
  col('source', '项目资金预算安排及执行进度（万元）', 20),
  col('targetDeclared', '目标申报数', 11),
  col('initialBudget', '预算编制数', 11),
  col('fullYearBudget', '全年预算数', 11),
  col('executed', '全年执行数', 11),
  col('carryover', '资金结(转)余', 11),
  col('rate', '执行率', 8),
  col('score', '得分', 6),
  col('deviationReason', '偏差原因', 18),
];

const shanxiProject: KindLayout = {
  title: '项目支出绩效自评表',
  indicatorColumns: SHANXI_INDICATORS,
  fundsColumns: SHANXI_FUNDS,
  fundsRows: [{ source: '资金总额' }, { source: '市县区财政资金' }],
  analysisTitles: PROJECT_ANALYSIS,
  levels: {
    产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
    效益指标: ['经济效益', '社会效益', '生态效益', '可持续影响'],
    满意度指标: ['服务对象满意度'],
  },
  checkSplit: true,
  // 002: no title over 资金来源, 年初预算数 over 目标申报数 | 预算编制数, every row its 执行率 and 得分.
  fundsSourceTitle: '',
  fundsParent: { title: '年初预算数', keys: ['targetDeclared', 'initialBudget'] },
  fundsRowScores: true,
  analysisCaptions: [
    { caption: '项目绩效分析', from: 0, count: PROJECT_ANALYSIS.length },
    { caption: '自评结果分析', from: 0, count: 4 },
  ],
};

export const shanxi: LayoutDef = {
  id: 'shanxi',
  name: '山西（晋城）',
  letter: 'B',
  orientation: 'landscape',
  printsGrade: true,
  gradeAlone: true,
  kinds: {
    project: shanxiProject,
    department: {
      ...shanxiProject,
      title: '部门整体支出绩效自评表',
      analysisTitles: DEPARTMENT_ANALYSIS,
      analysisCaptions: undefined,
      checkSplit: false,
    },
  },
  notes: [
    '备注：1.“年初预算数”项下的“目标申报数”和“预算编制数”为并列关系，其中“目标申报数”的数据来源于项目目标申报表中的项目资金总额中的年度资金，“预算编制数”数据来源于项目预算支出明细表。',
    '2.“全年预算数”的取数规则，如果年初预算未调整，取预算编制数；如果有调整，取调整后的预算数。',
    '3.“全年执行数”是指预算执行指标确认数。',
    '4.“执行率”是执行数与“全年预算数”相比较。',
  ],
  policy: BASE_POLICY,
};
