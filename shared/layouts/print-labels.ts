/**
 * Fixed texts of the printed forms that the layout definitions do not carry (they describe the
 * editable parts): header labels, block labels, the total row. The importer reads the same
 * words, plus the variants real forms use.
 */
import { nameLabel } from './header-fields';
import type { Form, FormKind, LayoutId } from '../model/types';
import type { KindLayout } from './types';
import { analysisPrompt } from './definitions';
import { fmtNum } from '../format/numbers';

export interface HeaderLabels {
  name: string;
  department: string;
  unit: string;
}

export function headerLabels(layout: LayoutId, kind: FormKind): HeaderLabels {
  const name = nameLabel(layout, kind);
  const department = layout === 'shanxi' ? '主管部门及代码' : '主管部门';
  const unit = layout === 'shanxi' ? '预算单位' : layout === 'guangdong' ? '填报单位名称' : '实施单位';
  return { name, department, unit };
}

export const LABELS = {
  unitLine: '金额单位：万元',
  fundsSource: '资金来源',
  goals: '年度总体目标',
  goalsExpected: '预期目标',
  goalsActual: '实际完成情况',
  indicators: '绩效指标',
  total: '总分',
  grade: '等级',
  summarySheet: '汇总',
  reviewSheet: '审核意见',
  /** Ends the name of a form's 基础数据表 sheet: “衡阳市生态环境局-基础数据表”. */
  basicDataSheet: '-基础数据表',
} as const;

/** 广东's 基本情况 block and indicator table (000): group labels; each funds line is one funds column. */
export const BASIC_INFO = {
  block: '基本情况',
  funds: '资金情况',
  goals: '绩效目标情况',
  goalsExpected: '预期总体目标',
  stages: [
    { label: '预算计划安排', key: 'initialBudget', group: '资金安排情况' },
    { label: '实际分配下达', key: 'fullYearBudget', group: '资金安排情况' },
    { label: '实际支出金额', key: 'executed', group: '资金使用情况' },
  ],
  indicators: '指标评分表',
  indicatorGroup: '评价指标',
  levelName: '名称',
  evidenceNote: '（说明：本栏为参考佐证材料，部门提供材料能证明对应指标即可，不用全部提供。）',
  total: '合计：',
  /** 000 down the 三级 weights of a 一级 whose lines share out their 二级 weights. */
  sharedWeight: '各项指标权重',
  indicatorCount: '指标总数',
} as const;

/**
 * A project form's title carries the project's name, as forms.md (`XX项目支出绩效自评表`) and the
 * real forms of 002 print it (“城区分局设备购置项目项目支出绩效自评表”); department forms keep the template title.
 */
export function formTitle(form: Form, kind: KindLayout): string {
  return form.kind === 'project' ? `${form.projectName.trim()}${kind.title}` : kind.title;
}

/** The printed label of an analysis text: its title, and the layout's prompt under it (000's 到期资金). */
export function analysisLabel(title: string, kind: KindLayout, year: number): string {
  const prompt = analysisPrompt(kind, title, year);
  return prompt ? `${title}\n${prompt}` : title;
}

/** 000's text for a 一级's shared-out weights: 各项指标权重=40/指标总数. */
export function sharedWeightText(level1Weight: number): string {
  return `${BASIC_INFO.sharedWeight}=${fmtNum(level1Weight)}/${BASIC_INFO.indicatorCount}`;
}
