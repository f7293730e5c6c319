/**
 * Forms from the 绩效目标申报表 (#21): each fixture workbook read into the forms it declares, the
 * report of what was and was not read, the refusals, the default split where weights are missing.
 * `ziping import-targets` and the round trip to exported scores: targets-import-cli.test.ts.
 */
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  NO_DECLARATION,
  readTargetsXlsx,
  type TargetsImport,
} from '../../electron/services/excel/targets-reader';
import { targetsReportLines } from '../../electron/services/excel/targets-report';
import { getLayout } from '../../shared/layouts/definitions';
import type { Form, LayoutId } from '../../shared/model/types';
import { proposeDefaultWeights } from '../../shared/model/weight-split';
import { newIndicator } from '../../shared/model/factory';
import { useTempDir } from '../support/temp-dir';
import * as W from '../support/targets-workbooks';

const dir = useTempDir('ziping-targets-');

beforeAll(() => vi.stubEnv('ZIPING_DATA_DIR', join(dir(), 'data')));
afterAll(() => vi.unstubAllEnvs());

async function read(
  make: (d: string) => Promise<string>,
  layout: LayoutId = 'national',
): Promise<TargetsImport> {
  const r = await readTargetsXlsx(await make(dir()), { layout, year: 2025 });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const lines = (form: Form | undefined) =>
  (form?.indicators ?? []).map((i) => [i.level1, i.level2, i.name, i.target, i.weight]);
const amounts = (form: Form | undefined) =>
  (form?.funds.rows ?? []).map((r) => [r.source, r.initialBudget, r.fullYearBudget, r.executed]);
const reportText = (got: TargetsImport) => targetsReportLines('申报表.xlsx', got.report).join('\n');

describe('reading 绩效目标申报表', { timeout: 60_000 }, () => {
  it('national template: header pairs, funds block, goals side by side, merged levels; default weights proposed', async () => {
    const got = await read(W.nationalTemplate);
    expect(got.forms).toHaveLength(1);
    const form = got.forms[0];
    expect([form?.kind, form?.year, form?.projectName, form?.department, form?.unit]).toEqual([
      'project',
      2025,
      '农村饮水安全巩固提升工程',
      '某县水利局',
      '某县农村供水管理站',
    ]);
    expect(form?.goals).toEqual({
      expected: '新建集中供水工程3处，改造管网120公里，巩固提升3.5万农村人口供水保障水平。',
      actual: '',
    });
    expect(amounts(form)).toEqual([
      ['年度资金总额', 1200.5, 1200.5, null],
      ['其中：当年财政拨款', 1000.5, 1000.5, null],
      ['上年结转资金', null, null, null],
      ['其他资金', 200, 200, null],
    ]);
    // 产出指标 50 over its 4 lines and 成本指标's 1 (it shares 产出's part), 效益 30 over 2, 满意度 10.
    const weights = [10, 10, 10, 10, 10, 15, 15, 10];
    expect(lines(form)).toEqual(W.NATIONAL_LINES.map((l, i) => [...l, weights[i]]));
    expect(form?.indicators.every((i) => i.actual === '' && i.score === null)).toBe(true);
    const text = reportText(got);
    expect(text).toContain('读入 主管部门“某县水利局”，实施单位“某县农村供水管理站”');
    expect(text).toContain(
      '读入 资金：年度资金总额 1200.50 万元，其中：当年财政拨款 1000.50 万元，其他资金 200.00 万元',
    );
    expect(text).toContain('读入 年度绩效指标 8 条（指标值 8 条）');
    expect(text).toContain('注意 G3 “王明 0731-5551234”：项目负责人及电话：自评表没有此栏，未导入');
    expect(text).toContain(
      '申报表没有分值：权重按全国通用（财政部模板）的默认分配（产出指标 50、效益指标 30、满意度指标 10，预算执行率 10）',
    );
  });

  it('county variant: three declarations on two sheets, inline funds, ★ kept out of names, 长期 block and notes reported', async () => {
    const got = await read(W.variantWorkbook);
    expect(got.forms.map((f) => f.projectName)).toEqual([
      '义务教育学生营养改善计划',
      '校园安全提升工程',
      '乡村教师培训',
    ]);
    const [meal, safety, training] = got.forms;
    expect(lines(meal)).toEqual([
      ['产出指标', '数量指标', '受益学生人数', '≥5.2万人', 25],
      ['产出指标', '质量指标', '食品安全事故发生次数', '0次', 25],
      ['效益指标', '社会效益指标', '学生营养知识知晓率', '≥85%', 30],
      ['满意度指标', '服务对象满意度指标', '家长满意度', '≥90%', 10],
    ]);
    expect(meal?.indicators.map((i) => i.extra ?? null)).toEqual([
      { keyIndicator: true },
      null,
      { keyIndicator: true },
      null,
    ]);
    expect(amounts(meal).map((r) => r[2])).toEqual([8123.36, 6923.36, null, 1200]);
    expect(meal?.unit).toBe('某市学生资助管理中心');
    expect(lines(safety).map((l) => l[2])).toEqual([
      '安装监控探头',
      '完成时间',
      '校园安全事件下降率',
      '师生满意度',
    ]);
    expect(amounts(safety).map((r) => r[2])).toEqual([300, 280, null, null]);
    expect(training?.unit).toBe('某市教师发展中心');
    expect(training?.goals.expected).toBe('培训乡村教师800人次。');
    // Both 年初 and 调整后 stated: the total's two budgets.
    expect(amounts(training)[0]).toEqual(['年度资金总额', 45, 50, null]);
    expect(lines(training).map((l) => l[4])).toEqual([50, 10]);
    const text = reportText(got);
    expect(text).toContain('读入 年度绩效指标 4 条（指标值 4 条，★核心指标 2 条）');
    expect(text).toContain('注意 B8：长期绩效指标 2 条：自评表评的是年度指标，未导入');
    expect(text).toContain('注意 B17 “注：带★的为核心指标，自评时重点关注。”：说明文字，不是指标，未导入');
    expect(text).toContain(
      '注意 F24 “20.00”：自有资金：全国通用（财政部模板）的自评表资金表没有这一行，未导入',
    );
    expect(text).toContain('“乡村教师培训”（项目支出，工作表“第二个项目”A1）');
    expect(text).toContain('读入 年初预算数 45.00 万元（记为年度资金总额的年初预算数）');
  });

  it('a declaration with 分值 and 指标值设定依据 keeps its weights and bases; none proposed', async () => {
    const got = await read(W.weightedWorkbook);
    const form = got.forms[0];
    expect(lines(form)).toEqual(W.WEIGHTED_LINES.map((l, i) => [...l.slice(0, 4), W.WEIGHTED_SCORES[i]]));
    expect(form?.indicators.map((i) => i.basis)).toEqual(W.WEIGHTED_LINES.map((l) => l[4]));
    expect(amounts(form).map((r) => r[2])).toEqual([500, 500, null, 0]);
    const text = reportText(got);
    expect(text).toContain('读入 分值 4 条，合计 90');
    expect(text).not.toContain('没有分值');
  });

  it('山西: the declared amount is also the 目标申报数; level names in the layout’s words', async () => {
    const got = await read(W.weightedWorkbook, 'shanxi');
    const form = got.forms[0];
    expect(form?.funds.rows.map((r) => [r.source, r.targetDeclared, r.fullYearBudget])).toEqual([
      ['资金总额', 500, 500],
      ['市县区财政资金', null, null],
    ]);
    expect(form?.indicators.map((i) => i.level2)).toEqual([
      '数量指标',
      '质量指标',
      '社会效益',
      '服务对象满意度',
    ]);
    const text = reportText(got);
    expect(text).toContain(
      '读入 指标层级按山西（晋城）的名称记：社会效益指标→社会效益，服务对象满意度指标→服务对象满意度',
    );
    expect(text).toContain('“500.00”：财政拨款：山西（晋城）的自评表资金表没有这一行，未导入');
  });

  it('部门（单位）整体: the unit as the form, its own 一级 split equally, 年度主要任务 reported', async () => {
    const got = await read(W.departmentWorkbook);
    const form = got.forms[0];
    expect([form?.kind, form?.projectName, form?.unit]).toEqual([
      'department',
      '某县生态环境局',
      '某县生态环境局',
    ]);
    expect(form?.goals.expected).toBe('全县空气质量优良天数比例不低于85%，地表水断面水质达标。');
    expect(lines(form)).toEqual([
      ['履职效能', '数量指标', '监测断面数', '12个', 22.5],
      ['履职效能', '质量指标', '空气质量优良天数比例', '≥85%', 22.5],
      ['管理效率', '预算执行', '预算执行率', '≥95%', 45],
    ]);
    // The tasks' own 总额 (600, 900) are not the unit's funds.
    expect(amounts(form)[0]).toEqual(['年度资金总额', 1500, 1500, null]);
    const text = reportText(got);
    expect(text).toContain('年度主要任务 2 项：自评表没有对应栏目，未导入');
    expect(text).toContain('“1400.00”：财政拨款：全国通用（财政部模板）的自评表资金表没有这一行');
    expect(text).toContain('一级指标“履职效能”、“管理效率”不在默认分配中，90 分按一级指标平均分配');
  });

  it('新疆 单位整体 puts 上级/本级 amounts on its own rows and the total on its 合计 row', async () => {
    const got = await read(W.departmentWorkbook, 'xinjiang');
    expect(amounts(got.forms[0]).map((r) => [r[0], r[2]])).toEqual([
      ['上级资金', null],
      ['本级资金', null],
      ['其他资金', null],
      ['合计', 1500],
    ]);
  });

  it('an empty template: ** placeholders are reported, never taken as targets or amounts', async () => {
    const got = await read(W.emptyTemplate);
    const form = got.forms[0];
    expect(form?.indicators.map((i) => [i.name, i.target])).toEqual([
      ['受益人数', ''],
      ['满意度', ''],
    ]);
    expect(form?.funds.rows[0]?.fullYearBudget).toBeNull();
    const text = reportText(got);
    expect(text).toContain('注意 D6 “**人”：“受益人数”的指标值是空白模板的占位符，未作为指标值');
    expect(text).toContain('注意 D7 “≥**%”：“满意度”的指标值是空白模板的占位符');
    expect(text).toContain('注意 B3 “**”：年度资金总额是空白模板的占位符，未导入');
    expect(text).toContain('注意 A1：名称为空：请在自评表中填写');
  });

  it('goals stacked, only 总体目标 given: it becomes the 预期目标, said so; hidden sheets are not read', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('目标');
    [
      ['项目名称', '老年助餐服务'],
      ['主管部门', '某区民政局'],
      ['实施单位', '某区养老服务中心'],
      ['总体目标', '三年内实现社区助餐点全覆盖。'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '新建助餐点', '10个'],
    ].forEach((row) => ws.addRow(row));
    const hidden = wb.addWorksheet('旧版');
    hidden.state = 'hidden';
    hidden.addRow(['项目名称', '旧项目']);
    const file = join(dir(), '助餐.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await readTargetsXlsx(file, { layout: 'national', year: 2025 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.forms.map((f) => [f.projectName, f.goals.expected])).toEqual([
      ['老年助餐服务', '三年内实现社区助餐点全覆盖。'],
    ]);
    const text = reportText(r.value);
    expect(text).toContain('注意 没有年度目标：预期目标取自总体目标，请核对');
    expect(text).toContain('跳过工作表“旧版”：隐藏的工作表，未读入');
  });

  it('a 分值 column: all empty → the default split proposed; some empty → those named, none proposed', async () => {
    const text = async (weights: Array<number | null>) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('分值');
      ws.addRow(['项目名称', '社区文化活动']);
      ws.addRow(['一级指标', '二级指标', '三级指标', '指标值', '分值']);
      ws.addRow(['产出指标', '数量指标', '举办活动场次', '≥24场', weights[0]]);
      ws.addRow(['满意度指标', '服务对象满意度指标', '居民满意度', '≥90%', weights[1]]);
      const file = join(dir(), `分值${weights.join('-')}.xlsx`);
      await wb.xlsx.writeFile(file);
      const r = await readTargetsXlsx(file, { layout: 'national', year: 2025 });
      if (!r.ok) throw new Error(r.error.message);
      return { weights: r.value.forms[0]?.indicators.map((i) => i.weight), text: reportText(r.value) };
    };
    const none = await text([null, null]);
    expect(none.weights).toEqual([50, 10]);
    expect(none.text).toContain('申报表没有分值：权重按全国通用（财政部模板）的默认分配');
    const some = await text([40, null]);
    expect(some.weights).toEqual([40, null]);
    expect(some.text).toContain('读入 分值 1 条，合计 40');
    expect(some.text).toContain('注意 “居民满意度”没有分值：其余指标有分值，未按默认分配，请填写');
  });

  it('refuses files that are not declarations, with what to do', async () => {
    const text = join(dir(), '不是表格.xlsx');
    writeFileSync(text, '项目名称,一级指标\n');
    const notXlsx = await readTargetsXlsx(text, { layout: 'national', year: 2025 });
    expect(notXlsx.ok ? '' : notXlsx.error.message).toContain('不是 .xlsx 文件');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('名单').addRow(['姓名', '电话']);
    const other = join(dir(), '名单.xlsx');
    await wb.xlsx.writeFile(other);
    const none = await readTargetsXlsx(other, { layout: 'national', year: 2025 });
    expect(none.ok ? '' : none.error.message).toBe(NO_DECLARATION);
    expect(NO_DECLARATION).toContain('没有找到绩效目标申报表：应有“项目名称”');
    // A 自评表 reads alike (项目名称, 年度指标值): its targets are taken, and the user told what it is.
    const self = new ExcelJS.Workbook();
    const sheet = self.addWorksheet('自评表');
    sheet.addRow(['项目名称', '社区文化活动']);
    sheet.addRow(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值']);
    sheet.addRow(['产出指标', '数量指标', '举办活动场次', '≥24场', '26场']);
    const selfFile = join(dir(), '自评表.xlsx');
    await self.xlsx.writeFile(selfFile);
    const got = await readTargetsXlsx(selfFile, { layout: 'national', year: 2025 });
    if (!got.ok) throw new Error(got.error.message);
    expect(got.value.forms[0]?.indicators.map((i) => [i.target, i.actual])).toEqual([['≥24场', '']]);
    expect(reportText(got.value)).toContain('这是自评表（有“实际完成值”列），不是申报表：只读入了指标值');
  });
});

describe('proposeDefaultWeights', () => {
  it('layout E keeps the split on the levels: 一级 share, each 二级 an equal part', () => {
    const ls = [
      newIndicator('a', { level1: '产出', level2: '产出数量' }),
      newIndicator('b', { level1: '产出', level2: '产出数量' }),
      newIndicator('c', { level1: '产出', level2: '产出质量' }),
      newIndicator('d', { level1: '效益', level2: '社会效益' }),
    ];
    expect(proposeDefaultWeights(getLayout('guangdong'), ls).outside).toEqual([]);
    expect(ls.map((l) => [l.level1Weight, l.level2Weight, l.weight])).toEqual([
      [40, 20, null],
      [40, 20, null],
      [40, 20, null],
      [40, 40, null],
    ]);
  });

  it('the last line takes what rounding left, so the indicators add up to 90', () => {
    const ls = ['a', 'b', 'c'].map((id) => newIndicator(id, { level1: '效益指标', level2: '社会效益指标' }));
    ls.push(newIndicator('d', { level1: '产出指标' }), newIndicator('e', { level1: '满意度指标' }));
    proposeDefaultWeights(getLayout('national'), ls);
    expect(ls.map((l) => l.weight)).toEqual([10, 10, 10, 50, 10]);
    const thirds = ['a', 'b', 'c'].map((id) => newIndicator(id, { level1: '满意度指标' }));
    proposeDefaultWeights(getLayout('national'), thirds);
    expect(thirds.map((l) => l.weight)).toEqual([3.33, 3.33, 3.34]);
  });
});
