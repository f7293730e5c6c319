/** Layout E: 广东（江门）, 000. */
import type { ColumnDef, HeaderFieldDef, IndicatorColumnKey, KindLayout, LayoutDef } from './types';
import { col, BASE_POLICY, DEPARTMENT_ANALYSIS } from './national';

const GUANGDONG_INDICATORS: ColumnDef<IndicatorColumnKey>[] = [
  col('level1', '一级指标', 8),
  col('level1Weight', '权重(%)', 6),
  col('level2', '二级指标', 10),
  col('level2Weight', '权重(%)', 6),
  col('name', '三级指标', 14),
  col('weight', '权重(%)', 6),
  col('ruleText', '评分标准', 24),
  col('evidence', '参考佐证材料', 20),
  col('target', '评价年度预期值', 14),
  col('actual', '评价年度实现值', 14),
  col('score', '自评分数', 7),
  col('deviationReason', '未达标原因分析', 18),
];

/** Header fields of 000 (江门): 评价年度/评价金额 beside 项目名称, then the 联系人 row. */
const GUANGDONG_EVALUATION: HeaderFieldDef[] = [
  { key: 'evaluationYear', label: '评价年度' },
  { key: 'evaluationAmount', label: '评价金额' },
];
const GUANGDONG_CONTACT: HeaderFieldDef[] = [
  { key: 'contact', label: '联系人' },
  { key: 'phone', label: '联系电话' },
  { key: 'email', label: '联系邮箱' },
];

const guangdongProject: KindLayout = {
  title: '项目绩效自评指标评分表',
  indicatorColumns: GUANGDONG_INDICATORS,
  fundsColumns: [
    col('source', '资金情况（万元）', 16),
    col('initialBudget', '预算计划安排', 12),
    col('fullYearBudget', '实际分配下达', 12),
    col('executed', '实际支出金额', 12),
    col('rate', '支出率', 9),
  ],
  fundsRows: [{ source: '合计' }, { source: '市本级' }, { source: '转移支付至下级' }],
  analysisTitles: ['资金完成绩效目标情况', '资金使用绩效', '存在的问题', '改进意见', '到期资金'],
  analysisPrompts: {
    到期资金:
      '{next}年及后续年度资金需求情况（含测算依据、测算明细和说明）。（如有政策项目延续专家论证意见、需求调查报告、风险评估报告、比对方案等有关资料，请作为附件提供）',
  },
  levels: {
    决策: ['资金管理', '事项管理'],
    产出: ['产出数量', '产出质量', '产出时效', '产出成本'],
    效益: ['经济效益', '社会效益', '生态效益', '可持续影响', '满意度'],
  },
  checkSplit: true,
  nameRowFields: GUANGDONG_EVALUATION,
  // Then 项目级次 and 实施文件依据, each on its own row, as 000 prints them.
  headerRows: [
    GUANGDONG_CONTACT,
    [{ key: 'projectLevel', label: '项目级次' }],
    [{ key: 'basisDocuments', label: '实施文件依据' }],
  ],
  goalRows: [[{ key: 'goalAchieved', label: '是否如期实现预期总体目标' }]],
  basicInfo: true,
};

export const guangdong: LayoutDef = {
  id: 'guangdong',
  name: '广东（江门）',
  letter: 'E',
  orientation: 'landscape',
  // 000's 合计 row prints the weights and the score, no 等级.
  printsGrade: false,
  kinds: {
    project: guangdongProject,
    department: {
      ...guangdongProject,
      title: '部门整体支出绩效自评指标评分表',
      analysisTitles: DEPARTMENT_ANALYSIS,
      analysisPrompts: undefined,
      // 项目级次 and 实施文件依据 describe a project; no department form of the region was seen.
      headerRows: [GUANGDONG_CONTACT],
    },
  },
  // 000 prints 各项指标权重=40/指标总数 in the 三级 weight column (form-sheet.ts), no 备注.
  notes: [],
  policy: {
    ...BASE_POLICY,
    executionWeight: 0,
    defaultSplit: { 决策: 20, 产出: 40, 效益: 40 },
    splitSharesWith: {},
    equalSplit: true,
  },
};
