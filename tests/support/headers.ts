/** The header fields of 000 (江门) and the 基础数据表 of 004 (衡阳) as printed, for the tests. */
import { getLayout } from '../../shared/layouts/definitions';
import type { BasicData, HeaderValues } from '../../shared/model/types';

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
