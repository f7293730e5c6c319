/**
 * 新疆 (昌吉) forms with contents such as the region's forms carry, for the tests and for
 * `npm run render-export`: a 单位整体支出绩效自评表 (its own table, forms.md Layout C) and a
 * project form with numeric, qualitative and time lines.
 */
import { newForm, newIndicator } from '../../shared/model/factory';
import type { Form, Indicator } from '../../shared/model/types';

type Line = [level1: string, level2: string, name: string, target: string, actual: string, weight: number];

function lines(rows: Line[], fields: (i: number) => Partial<Indicator> = () => ({})): Indicator[] {
  return rows.map(([level1, level2, name, target, actual, weight], i) =>
    newIndicator(`i${i + 1}`, { level1, level2, name, target, actual, weight, ...fields(i) }),
  );
}

/** 上级资金 120 → 110, 本级资金 320 → 310, 其他资金 0, 合计 440 → 420: the rate of 合计 is 95.45%. */
export function changjiDepartmentForm(id = 'f1'): Form {
  const form = newForm(id, 'xinjiang', 'department', 2024, '昌吉州生态环境局');
  const amounts: Array<[number, number, number]> = [
    [120, 120, 110],
    [300, 320, 310],
    [0, 0, 0],
    [420, 440, 420],
  ];
  form.funds.rows.forEach((row, i) => {
    const [initial, full, executed] = amounts[i] ?? [0, 0, 0];
    row.initialBudget = initial;
    row.fullYearBudget = full;
    row.executed = executed;
  });
  form.goals = {
    expected: '围绕生态环境质量改善目标，完成污染防治攻坚各项任务，保障单位正常运转，提升履职能力。',
    actual: '全年空气质量优良天数比例达到考核要求，重点任务按期完成，单位运转正常。',
  };
  const basis = '《昌吉州2024年生态环境保护工作要点》（昌州环发〔2024〕3号）及单位三定方案';
  form.indicators = lines(
    [
      ['履职效能', '数量指标', '开展执法检查次数', '>=120次', '=136次', 20],
      ['履职效能', '质量指标', '环境问题整改完成率', '>=95%', '=100%', 15],
      ['履职效能', '时效指标', '年度任务完成时间', '12月底前', '12月底前', 10],
      ['履职效能', '成本指标', '“三公”经费控制', '<=12万元', '=10.5万元', 5],
      ['管理效率', '预算执行', '预算调整率', '<=10%', '=8%', 10],
      ['社会效应', '社会效益指标', '空气质量优良天数比例', '>=90%', '=92.3%', 20],
      ['满意度', '服务对象满意度指标', '群众满意度', '>=90%', '=95%', 10],
    ],
    () => ({ basis }),
  );
  for (const title of ['基本情况', '整体支出情况', '自评结论', '存在问题', '改进措施'])
    form.analysis[title] = `${title}：昌吉州生态环境局2024年度${title}说明。`;
  return form;
}

/** A project form whose lines are numeric (ratio both ways), qualitative and time lines. */
export function changjiProjectForm(id = 'f2'): Form {
  const form = newForm(id, 'xinjiang', 'project', 2024, '大气污染防治');
  form.department = '昌吉州生态环境局';
  form.unit = '昌吉州生态环境局';
  const [total, grant, other] = form.funds.rows;
  if (total && grant && other) {
    Object.assign(total, { initialBudget: 6187.94, fullYearBudget: 6187.94, executed: 5964.31 });
    Object.assign(grant, { initialBudget: 6187.94, fullYearBudget: 6187.94, executed: 5964.31 });
  }
  form.goals = { expected: '完成大气污染防治项目建设。', actual: '已按期完成。' };
  form.indicators = lines(
    [
      ['产出指标', '数量指标', '治理点位数量', '>=50个', '=60个', 30],
      ['产出指标', '质量指标', '验收合格率', '>=95%', '=100%', 20],
      ['产出指标', '时效指标', '完工时间', '10月底前', '10月底前', 10],
      ['效益指标', '生态效益指标', '空气质量', '持续改善', '达成预期指标', 20],
      ['满意度指标', '服务对象满意度指标', '群众满意度', '>=90%', '=95%', 10],
    ],
    (i) => ({
      ruleText: ['按照完成比例赋分', '按照完成比例赋分', '直接赋分', '按评判等级赋分', '满意度赋分'][i],
    }),
  );
  return form;
}
