/** 湖南（衡阳, 004）: the parts of its forms that differ from the national template, as data. */
import type { BasicDataLayout, FundsRowTemplate } from './types';

/**
 * 004's 自评表 prints its grouped funds lines in two halves side by side, each under its heading;
 * the first expense line reads “其中：基本支出：”.
 */
export const FUNDS_SIDES = [
  { group: 'income', heading: '按收入性质分：', firstPrefix: '' },
  { group: 'expense', heading: '按支出性质分：', firstPrefix: '其中：' },
] as const;

/** The 基础数据表 of 004, lines in its printed order (the importer reads it for any layout). */
export const HUNAN_BASIC_DATA: BasicDataLayout = {
  title: '部门整体支出绩效评价基础数据表',
  spendingItems: [
    '三公经费',
    '1、公务用车购置和维护经费',
    '其中：公车购置',
    '公车运行维护',
    '2、出国经费',
    '3、公务接待',
    '项目支出：',
    '1、业务工作经费',
    '2、运行维护经费',
    '3、本级专项资金（一个专项一行）',
    '公用经费：',
    '其中：办公经费',
    '水费、电费、差旅费',
    '会议费、培训费',
    '政府采购金额',
    '部门基本支出预算调整',
  ],
};

/** 004's project funds rows, as printed: the sources, then 年度资金总额 (the total, scored there). */
export const HUNAN_PROJECT_FUNDS_ROWS: FundsRowTemplate[] = [
  { source: '其中：当年财政拨款' },
  { source: '上年结转金额' },
  { source: '其它资金' },
  { source: '年度资金总额', total: true },
];

/** 004's project forms print 成本指标 as a 一级 of its own, after 满意度指标 (every one of its seven). */
export const HUNAN_PROJECT_LEVELS: Record<string, string[]> = {
  产出指标: ['数量指标', '质量指标', '时效指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
  成本指标: ['经济成本指标', '社会成本指标', '生态环境成本指标'],
};
