/**
 * The printed words of the 绩效目标申报表 (targets.md): the national template's and the regional
 * variants', compared as normalizeTitle leaves them (no spaces, half-width brackets, no colon at
 * the end).
 */

export const TARGET_LABELS = {
  projectName: /^项目名称$/,
  departmentName: /^(部门\(单位\)名称|部门名称|单位名称|部门\(单位\))$/,
  department: /^主管部门(及代码)?$/,
  unit: /^(项目)?实施单位$|^项目单位$|^填报单位(\(盖章\))?$/,
  /** Read past, not imported: the 自评表 has no place for them. */
  ignored: /^(项目负责人(及电话)?|联系人|联系电话|主管部门编码|单位编码|项目编码|项目类别|项目期限)$/,
  unitLine: /^金额单位:?万元$/,
  fundsCaption:
    /^(资金情况|项目资金申请|项目预算|年度资金总额及构成|项目资金|(年度)?(部门整体支出|部门)?预算(资金)?|预算金额)(\(万元\))?$/,
  annualGoal: /^(年度目标|年度总体目标|年度绩效目标|年度主要目标)$/,
  overallGoal: /^(总体目标|中长期目标|长期目标|项目总体目标|整体绩效目标)$/,
  tasks: /^年度主要任务$/,
  taskName: /^任务名称$/,
  level1: /^一级指标$/,
  level2: /^二级指标$/,
  name: /^(三级指标|指标内容|具体指标|三级指标名称)$/,
  target: /^(指标值|年度指标值|目标值|指标值\(年度\))$/,
  basis: /^指标值设定依据$/,
  weight: /^(分值|权重)(\(%\)|\(分\))?$/,
  /** A 自评表's column: not a declaration, though its targets read alike. */
  actual: /^(实际完成值|实际值|完成值|评价年度实现值|业绩值)$/,
  longBlock: /长期(绩效)?指标/,
  annualBlock: /年度(绩效)?指标$/,
  /** The title of a declaration (the next one on the sheet starts here). */
  title: /绩效目标申报表|^\(\d{4}年度?\)$/,
  footer: /^(填报人|单位负责人|填报日期|(主管部门|财政部门|财政局)?审核意见)/,
} as const;

/** The words a declared amount is labelled with, longest first where one contains another. */
const SOURCES = [
  '年度资金总额',
  '资金总额',
  '总额',
  '合计',
  '年初预算数',
  '调整后预算数',
  '调整预算数',
  '全年预算数',
  '当年财政拨款',
  '财政拨款',
  '其他资金',
  '自有资金',
  '事业收入',
  '经营性收入',
  '上级财政资金',
  '本级财政资金',
  '上级资金',
  '本级资金',
].join('|');

/** A funds amount's label, 其中： and （万元） aside; group 2 is the source's own word. */
export const FUNDS_LABEL = new RegExp(`^(其中[:：]?)?(${SOURCES})(\\(万元\\))?$`);

/** A funds amount written into its label's cell: “财政拨款：6923.36万元”. */
export const INLINE_FUNDS = new RegExp(`^\\s*(其中[:：]?)?\\s*(${SOURCES})\\s*[:：]\\s*(\\S.*)$`);

/** The sources that are the total of the funds (年度资金总额 and its short forms). */
export const TOTAL_SOURCES = new Set(['年度资金总额', '资金总额', '总额', '合计']);

/** A declaration that states both: 年初 is the 年初预算数, 调整后 the 全年预算数 (targets.md). */
export const INITIAL_SOURCE = '年初预算数';
export const ADJUSTED_SOURCES = new Set(['调整后预算数', '调整预算数', '全年预算数']);

const HEADER_WORDS: readonly RegExp[] = [
  TARGET_LABELS.projectName,
  TARGET_LABELS.departmentName,
  TARGET_LABELS.department,
  TARGET_LABELS.unit,
  TARGET_LABELS.ignored,
  TARGET_LABELS.unitLine,
  TARGET_LABELS.fundsCaption,
  TARGET_LABELS.annualGoal,
  TARGET_LABELS.overallGoal,
  TARGET_LABELS.tasks,
  TARGET_LABELS.taskName,
  FUNDS_LABEL,
];

/** Whether a (normalised) cell text is one of the header's labels, not a value. */
export function isHeaderLabel(title: string): boolean {
  return HEADER_WORDS.some((re) => re.test(title));
}

/** An empty template's value: “**人”, “≥**%”, “***”. */
export function isPlaceholder(text: string): boolean {
  return /\*{2,}|^[\s*]+$|＊/.test(text);
}
