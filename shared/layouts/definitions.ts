/**
 * Layouts A–E of forms.md as data. Titles are the printed ones; widths are Excel character
 * units taken from the official templates' proportions.
 */
import type { LayoutId } from '../model/types';
import { HUNAN_BASIC_DATA, HUNAN_PROJECT_FUNDS_ROWS, HUNAN_PROJECT_LEVELS } from './hunan';
import type {
  ColumnDef,
  FundsColumnKey,
  HeaderFieldDef,
  IndicatorColumnKey,
  KindLayout,
  LayoutDef,
  ScoringPolicy,
} from './types';

const col = <K extends string>(key: K, title: string, width: number): ColumnDef<K> => ({ key, title, width });

const NATIONAL_BANDS = [
  { grade: '优', min: 90 },
  { grade: '良', min: 80 },
  { grade: '中', min: 60 },
  { grade: '差', min: 0 },
] as const;

const BASE_POLICY: ScoringPolicy = {
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

const PROJECT_LEVELS: Record<string, string[]> = {
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  成本指标: ['经济成本指标', '社会成本指标', '生态环境成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
};

const MANAGEMENT_EFFICIENCY = ['预算执行', '预算管理', '资产管理', '人员管理', '制度管理'];

const DEPARTMENT_LEVELS: Record<string, string[]> = {
  ...PROJECT_LEVELS,
  履职效能: ['重点工作履职情况', '总体工作完成情况'],
  管理效率: MANAGEMENT_EFFICIENCY,
};

const PROJECT_ANALYSIS = [
  '项目实施和预算执行情况',
  '产出情况及分析',
  '效益情况及分析',
  '满意度情况及分析',
  '主要经验做法',
  '项目管理中存在的主要问题及原因分析',
  '下一步改进措施及管理建议',
];

const DEPARTMENT_ANALYSIS = [
  '部门基本情况',
  '整体支出情况',
  '自评结论',
  '履职效能分析',
  '管理效率分析',
  '存在问题',
  '改进措施',
];

const LEVEL_COLUMNS: ColumnDef<IndicatorColumnKey>[] = [
  col('level1', '一级指标', 10),
  col('level2', '二级指标', 12),
  col('name', '三级指标', 22),
];

const NATIONAL_INDICATORS: ColumnDef<IndicatorColumnKey>[] = [
  ...LEVEL_COLUMNS,
  col('target', '年度指标值', 14),
  col('actual', '实际完成值', 14),
  col('weight', '分值', 7),
  col('score', '得分', 7),
  col('deviationReason', '偏差原因分析及改进措施', 24),
];

const NATIONAL_FUNDS: ColumnDef<FundsColumnKey>[] = [
  col('source', '项目资金（万元）', 20),
  col('initialBudget', '年初预算数', 12),
  col('fullYearBudget', '全年预算数', 12),
  col('executed', '全年执行数', 12),
  col('weight', '分值', 7),
  col('rate', '执行率', 9),
  col('score', '得分', 7),
];

const nationalProject: KindLayout = {
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

const nationalDepartment: KindLayout = {
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

const national: LayoutDef = {
  id: 'national',
  name: '全国通用（财政部模板）',
  letter: 'A',
  orientation: 'portrait',
  printsGrade: false,
  kinds: { project: nationalProject, department: nationalDepartment },
  notes: [],
  policy: BASE_POLICY,
};

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

const shanxi: LayoutDef = {
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

const xinjiang: LayoutDef = {
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

const hunan: LayoutDef = {
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

const guangdong: LayoutDef = {
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

export { FUNDS_SIDES, HUNAN_BASIC_DATA } from './hunan';

export const LAYOUTS: Record<LayoutId, LayoutDef> = { national, shanxi, xinjiang, hunan, guangdong };

export function getLayout(id: LayoutId): LayoutDef {
  return LAYOUTS[id];
}

/** The prompt printed under an analysis title, its {next} the year after the form's (000's 到期资金). */
export function analysisPrompt(kind: KindLayout, title: string, year: number): string | null {
  return kind.analysisPrompts?.[title]?.replaceAll('{next}', String(year + 1)) ?? null;
}
