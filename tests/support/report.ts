/**
 * For the 自评报告 tests: documents to report on, and the numbers a report of a document may
 * print — those typed anywhere in it (amounts, texts, the year) and those its scoring and sums
 * give — so that a test can find any number that came from nowhere.
 */
import { round2 } from '../../shared/format/numbers';
import { getLayout } from '../../shared/layouts/definitions';
import { controlRate } from '../../shared/model/basic-data';
import { newForm, newIndicator } from '../../shared/model/factory';
import type { Form, ZipingDocument } from '../../shared/model/types';
import { buildReportOutline } from '../../shared/report/report-outline';
import { rowRate, sumAmounts } from '../../shared/report/report-tables';
import { scoreForm } from '../../shared/scoring/form';
import { fixtureFiles, generatedDocument, readFixture } from './documents';

/** The sample's forms (004's department and projects, 002's projects) in the 湖南 layout. */
export function fixtureReportDocument(): ZipingDocument {
  const files = fixtureFiles();
  const ordered = [
    ...files.filter((f) => f.startsWith('004-')),
    ...files.filter((f) => f.startsWith('002-')),
  ];
  const now = '2025-01-01T00:00:00.000Z';
  return {
    meta: {
      unit: '衡阳市生态环境局',
      year: 2024,
      layout: 'hunan',
      createdAt: now,
      createdBy: '测试',
      modifiedAt: now,
      modifiedBy: '测试',
    },
    forms: ordered.map((file, i) => readFixture(file, `f${i + 1}`).form),
  };
}

/** A department form with funds, indicators, goals and some analysis texts (others left empty). */
export function departmentForm(year = 2024): Form {
  const form = newForm('dept', 'national', 'department', year, '生成市测试局');
  const [total, income, , , , basic, project] = form.funds.rows;
  if (total && income && basic && project) {
    Object.assign(total, { initialBudget: 1200.5, fullYearBudget: 1350.25, executed: 1287.125 });
    Object.assign(income, { fullYearBudget: 1350.25, executed: 1287.125 });
    Object.assign(basic, { fullYearBudget: 600, executed: 598.4 });
    Object.assign(project, { fullYearBudget: 750.25, executed: 688.725 });
  }
  form.funds.weight = 10;
  form.goals.expected = '完成全市环境监测任务，空气质量优良率不低于85%。';
  form.indicators = [
    newIndicator('d1', {
      level1: '产出指标',
      level2: '数量指标',
      name: '监测点位数',
      target: '≥40个',
      actual: '38个',
      weight: 50,
      deviationReason: '两个点位因道路施工暂停监测',
    }),
    newIndicator('d2', {
      level1: '效益指标',
      level2: '社会效益指标',
      name: '空气质量优良率',
      target: '≥85%',
      actual: '89.3%',
      weight: 40,
    }),
  ];
  form.analysis = {
    部门基本情况: '负责全市生态环境监测。',
    存在问题: '无',
    改进措施: '加强预算编制的前瞻性。',
  };
  return form;
}

/** `projects` generated project forms after a department form, with problems in a few of them. */
export function generatedReportDocument(projects: number): ZipingDocument {
  const doc = generatedDocument(projects, 6);
  doc.forms.forEach((form, i) => {
    if (i % 3 === 0) form.analysis['项目管理中存在的主要问题及原因分析'] = `第${i + 1}个项目招标推迟两个月。`;
  });
  doc.forms.unshift(departmentForm(doc.meta.year));
  return doc;
}

/** A number as the tests compare them: rounded to 6 decimals, so 96 and 96.00 are one. */
export const numberKey = (x: number): number => Number(x.toFixed(6));

/** Every number written in a text: 2024, 85, 89.3 … (a % sign is not part of it). */
export function numbersIn(text: string): number[] {
  return (text.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
}

function collectTyped(value: unknown, out: Set<number>): void {
  if (typeof value === 'number' && Number.isFinite(value)) {
    out.add(numberKey(value));
    out.add(numberKey(round2(value)));
  } else if (typeof value === 'string') {
    for (const n of numbersIn(value)) out.add(numberKey(n));
  } else if (Array.isArray(value)) {
    for (const v of value) collectTyped(v, out);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      collectTyped(k, out);
      collectTyped(v, out);
    }
  }
}

/** A rate as the report prints it (96.39%): its number is the percentage at two decimals. */
const percent = (rate: number | null, out: Set<number>) => {
  if (rate !== null) out.add(numberKey(round2(rate * 100)));
};

/**
 * The numbers a report of `doc` may show: typed ones, scores, rates, sums and counts, the year
 * before, section and table numbers, 序号, and page numbers up to `pages`.
 */
export function numbersOfDocument(doc: ZipingDocument, pages: number): Set<number> {
  const out = new Set<number>();
  collectTyped(doc.meta, out);
  collectTyped(doc.forms, out);
  const layout = getLayout(doc.meta.layout);
  for (const form of doc.forms) {
    const r = scoreForm(form, layout);
    for (const x of [r.total, r.weightTotal, r.execution.weight, r.execution.final])
      out.add(numberKey(round2(x)));
    for (const line of r.indicators) {
      out.add(numberKey(round2(line.final)));
      if (line.weight !== null) out.add(numberKey(round2(line.weight)));
    }
    percent(r.execution.rate, out);
    for (const row of form.funds.rows) percent(rowRate(row), out);
    if (form.basicData) percent(controlRate(form.basicData.actualStaff, form.basicData.authorizedStaff), out);
  }
  const outline = buildReportOutline(doc);
  const budget = sumAmounts(outline.projects.map((l) => l.budget));
  const executed = sumAmounts(outline.projects.map((l) => l.executed));
  for (const x of [budget, executed]) if (x !== null) out.add(numberKey(x));
  percent(rowRate({ fullYearBudget: budget, executed }), out);
  for (const n of Object.values(outline.gradeCounts)) out.add(n);
  const counters = Math.max(doc.forms.length, pages);
  for (let i = 0; i <= counters; i++) out.add(i);
  out.add(doc.meta.year - 1);
  return out;
}

/** Numbers of `text` that `allowed` lacks (each once). */
export function strayNumbers(text: string, allowed: Set<number>): number[] {
  return [...new Set(numbersIn(text).map(numberKey))].filter((n) => !allowed.has(n));
}
