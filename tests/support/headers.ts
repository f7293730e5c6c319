/** The header fields of 000 (江门) and the 基础数据表 of 004 (衡阳) as printed, for the tests. */
import { getLayout } from '../../shared/layouts/definitions';
import { newForm, newIndicator } from '../../shared/model/factory';
import type { BasicData, Form, FundsRow, HeaderValues } from '../../shared/model/types';

export const JIANGMEN_HEADER: HeaderValues = {
  evaluationYear: '2024年',
  evaluationAmount: 2181.86,
  contact: '伍毅敏',
  phone: '3988041',
  email: 'sthjj_cwk@163.com',
  projectLevel: '二级项目',
  basisDocuments:
    '市政府常务会议纪要（十五届（124）次）、江门市流域环保巡查补助经费项目（2021-2023）预算方案',
  goalAchieved: '是',
};

/** The layout's lines with 004's amounts where it prints some, and one 专项 line added. */
export function hengyangBasicData(): BasicData {
  const items = getLayout('hunan').kinds.department.basicData?.spendingItems ?? [];
  const amounts: Record<string, [number | null, number | null, number | null]> = {
    三公经费: [82.73, 77, 35.32],
    '3、公务接待': [7.51, 20, 5.74],
    政府采购金额: [644.32, null, 1055.55],
  };
  return {
    authorizedStaff: 166,
    actualStaff: 113,
    spending: [
      ...items.map((item) => {
        const [lastYearFinal, budget, final] = amounts[item] ?? [null, null, null];
        return { item, lastYearFinal, budget, final };
      }),
      { item: '大气污染防治资金', lastYearFinal: null, budget: 813.54, final: 813.54 },
    ],
    building: { approvedArea: 0, actualArea: 0, budgetInvestment: null, actualInvestment: null },
    savingMeasures: '牢固树立过紧日子思想，厉行节约',
  };
}

/** The indicator titles of a 广东 form (one row) and its first line, 资金支出率. */
export const GUANGDONG_TITLES = [
  '一级指标',
  '权重(%)',
  '二级指标',
  '权重(%)',
  '三级指标',
  '权重(%)',
  '评分标准',
  '评价年度预期值',
  '评价年度实现值',
  '自评分数',
];
export const GUANGDONG_FIRST_LINE = [
  '决策',
  20,
  '资金管理',
  12,
  '资金支出率',
  12,
  '支付额/预算额度*100*指标权重',
  '100%',
  '55.43%',
  12,
];

const JIANGMEN_OUTPUT_RULE =
  '1.定量指标：自评分数=评价年度实现值/评价年度预期值*指标权重*100；2.定性指标：根据指标完成情况分为三挡，分别按照80%（含）-100%、60%（含）-80%、0-60%填写完成比例。自评分数=完成比例*指标权重*100。';
const JIANGMEN_OUTPUT_EVIDENCE =
  '1.年度工作计划、工作总结；2.专项上报给省委省政府、部委的工作报告；3.国家或部委的考核结果。';

/**
 * 000 (江门) as printed, with a part of its lines: header, 基本情况 funds (预算计划安排 total only,
 * the two others by level), goals, 决策 and some 产出/效益 lines, the closing texts.
 */
export function jiangmenForm(id = 'f1'): Form {
  const form = newForm(id, 'guangdong', 'project', 2024, '江门市级环境保护专项资金');
  form.unit = '江门市生态环境局';
  form.header = { ...JIANGMEN_HEADER };
  const [total, city, transfer] = form.funds.rows as [FundsRow, FundsRow, FundsRow];
  Object.assign(total, { initialBudget: 2181.86, fullYearBudget: 2181.86, executed: 1209.25 });
  Object.assign(city, { fullYearBudget: 1173.2, executed: 586.25 });
  Object.assign(transfer, { fullYearBudget: 1008.66, executed: 623 });
  form.goals.expected =
    '建立全市共73个镇（街）镇级环保巡查队伍巡查机制，提高环境问题监管能力；确保完成上级年度考核任务及重点工作、保障本级打好污染防治攻坚战相关工作、补足2022年度应支未支项目。';
  const lines: Array<[string, number, string, number, string, string, string, string]> = [
    [
      '决策',
      20,
      '资金管理',
      12,
      '资金支出率',
      '主要依据“支付额/预算额度*100*指标权重”计算核定得分。',
      '100%',
      '55.43%',
    ],
    [
      '决策',
      20,
      '事项管理',
      8,
      '监管有效性',
      '各级业务主管部门按规定开展有效的检查、监控、督促整改的，得满分；否则，视情况扣分。',
      '有效',
      '有效',
    ],
    ['产出', 40, '数量指标', 12, '出具污染源监督性监测报告', JIANGMEN_OUTPUT_RULE, '不少于200份', '254份'],
    ['产出', 40, '数量指标', 12, '核查产废单位数量', JIANGMEN_OUTPUT_RULE, '260', '260'],
    ['产出', 40, '质量指标', 10, '经费使用合规率', JIANGMEN_OUTPUT_RULE, '100%', '100%'],
    ['产出', 40, '时效指标', 8, '项目完成时间', JIANGMEN_OUTPUT_RULE, '2023年底', '2023年底'],
    ['产出', 40, '成本指标', 10, '成本支出', JIANGMEN_OUTPUT_RULE, '不超过项目预算', '不超过项目预算'],
    ['效益', 40, '社会效益指标', 12, '防范人居环境风险地块数量', JIANGMEN_OUTPUT_RULE, '60块', '60块'],
    ['效益', 40, '生态效益指标', 12, '完成农村黑臭水体评估条数', JIANGMEN_OUTPUT_RULE, '5条', '5条'],
    ['效益', 40, '可持续影响指标', 8, '地下水污染防治监管能力', JIANGMEN_OUTPUT_RULE, '持续提升', '持续提升'],
    ['效益', 40, '满意度指标', 8, '重点排污单位对服务的满意率', JIANGMEN_OUTPUT_RULE, '≥90%', '≥90%'],
  ];
  form.indicators = lines.map(
    ([level1, level1Weight, level2, level2Weight, name, ruleText, target, actual], i) =>
      newIndicator(`i${i + 1}`, {
        level1,
        level1Weight,
        level2,
        level2Weight,
        name,
        ruleText,
        target,
        actual,
        evidence:
          level1 === '决策'
            ? '1.专项资金预算执行通报；2.其他能反映支出情况的系统截图或统计表。'
            : JIANGMEN_OUTPUT_EVIDENCE,
        deviationReason: i === 0 ? '因财政财力紧张影响，资金支出率偏低' : '',
      }),
  );
  form.analysis = {
    资金完成绩效目标情况:
      '1. 江门市流域环保巡查补助经费：建立全市范围内共73个镇（街）镇级环保巡查队伍巡查机制。',
    资金使用绩效: '（一）资金支出情况。截至2023年12月31日，资金支出1209.25万元，预算执行率为55.43%。',
    存在的问题: '无',
    改进意见: '无',
  };
  return form;
}
