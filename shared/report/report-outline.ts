/**
 * The 部门整体支出绩效自评报告 of a document, following the reports published with 001 and 004:
 * 一、基本情况 二、绩效目标及实现情况 三、自评结论 四、存在的问题及原因 五、下一步改进措施
 * 六、自评结果应用 (七、其他需要说明的情况 when the department form has such texts).
 * Every number is the document's or computed from it by the scoring the forms show (each form
 * scored once); every paragraph the document has no text for is a placeholder, never prose.
 */
import { fmt2, fmtAmount, fmtPct } from '../format/numbers';
import { getLayout } from '../layouts/definitions';
import { controlRate } from '../model/basic-data';
import { GRADES, type Form, type Grade, type ZipingDocument } from '../model/types';
import { scoreForm } from '../scoring/form';
import type { OutlineBlock, OutlineTable, ReportFormLine, ReportOutline } from './outline-types';
import {
  formFindings,
  placeholderParagraph,
  saysNothing,
  sentence,
  textParagraphs,
  textsOn,
  textsOrPlaceholder,
  type Topic,
} from './report-texts';
import {
  formLine,
  formName,
  fundsTable,
  indicatorTable,
  projectTable,
  spendingTable,
  type ScoredForm,
} from './report-tables';

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 20 → 二十 (section numbers; the report never has a hundred). */
export function chineseNumeral(n: number): string {
  if (n <= 10) return CHINESE_NUMERALS[n - 1] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const head = tens === 1 ? '十' : `${CHINESE_NUMERALS[tens - 1] ?? ''}十`;
  return ones === 0 ? head : `${head}${CHINESE_NUMERALS[ones - 1] ?? ''}`;
}

/** Builds the blocks with running numbers for sections, sub-sections and tables. */
class OutlineWriter {
  readonly blocks: OutlineBlock[] = [];
  private section = 0;
  private sub = 0;
  private tables = 0;

  heading(text: string): void {
    this.sub = 0;
    this.blocks.push({ kind: 'heading', level: 1, text: `${chineseNumeral(++this.section)}、${text}` });
  }

  subheading(text: string): void {
    this.blocks.push({ kind: 'heading', level: 2, text: `（${chineseNumeral(++this.sub)}）${text}` });
  }

  add(...blocks: OutlineBlock[]): void {
    this.blocks.push(...blocks);
  }

  /** `make` gets the caption 表N …; the number is spent only when a table comes back. */
  table(title: string, make: (caption: string) => OutlineTable | null): boolean {
    const table = make(`表${this.tables + 1}  ${title}`);
    if (table) {
      this.tables++;
      this.blocks.push(table);
    }
    return table !== null;
  }
}

export function buildReportOutline(doc: ZipingDocument): ReportOutline {
  const layout = getLayout(doc.meta.layout);
  const scored: ScoredForm[] = doc.forms.map((form) => ({ form, result: scoreForm(form, layout) }));
  const dept = scored.find((s) => s.form.kind === 'department') ?? null;
  const projects = scored.filter((s) => s !== dept);
  const projectLines = projects.map((s) => formLine(s, layout));
  const gradeCounts = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
  for (const l of projectLines) gradeCounts[l.grade]++;
  const year = doc.meta.year;
  const unit = dept?.form.projectName.trim() || doc.meta.unit.trim();
  const deptLine = dept ? formLine(dept, layout) : null;

  const w = new OutlineWriter();
  const deptTexts = (topic: Topic) => (dept ? textsOn(dept.form, topic) : []);

  w.heading('部门（单位）基本情况');
  w.subheading('部门（单位）职能');
  w.add(...textsOrPlaceholder(deptTexts('functions'), '部门（单位）的主要职能'));
  w.subheading('机构设置及人员情况');
  const staff = staffSentence(dept?.form, year);
  const staffTexts = deptTexts('staff');
  w.add(...(staffTexts.length || !staff ? textsOrPlaceholder(staffTexts, '内设机构、编制数及实有人数') : []));
  if (staff) w.add(sentence(staff));
  w.subheading('预算收支情况');
  let budgetShown = false;
  if (dept && deptLine) {
    const said = budgetSentence(deptLine, year);
    if (said) w.add(sentence(said));
    budgetShown = w.table('部门预算收支情况（万元）', (c) => fundsTable(c, dept.form)) || said !== null;
    const basic = dept.form.basicData;
    if (basic) {
      budgetShown = w.table('经费控制情况（万元）', (c) => spendingTable(c, basic, year)) || budgetShown;
      if (!saysNothing(basic.savingMeasures)) {
        w.add(...textParagraphs(basic.savingMeasures, '厉行节约保障措施：'));
      }
    }
  }
  const budgetTexts = deptTexts('budget');
  if (budgetTexts.length || !budgetShown) w.add(...textsOrPlaceholder(budgetTexts, '部门预算收支情况'));

  w.heading('绩效目标及实现情况');
  w.subheading('年度总体目标');
  w.add(...textsOrPlaceholder(goalText(dept?.form.goals.expected), '部门年度总体绩效目标'));
  w.subheading('年度总体目标完成情况');
  w.add(...textsOrPlaceholder(goalText(dept?.form.goals.actual), '年度总体目标的实际完成情况'));
  w.subheading('绩效指标完成情况');
  const indicators = dept !== null && w.table('部门整体支出绩效指标完成情况', (c) => indicatorTable(c, dept));
  if (!indicators) w.add(placeholderParagraph('部门整体支出绩效指标的完成情况'));

  w.heading('自评结论');
  w.subheading('部门整体支出绩效自评结果');
  if (deptLine) {
    w.add(
      sentence(`${year}年度部门整体支出绩效自评得分${fmt2(deptLine.total)}分，等级为“${deptLine.grade}”。`),
    );
  } else {
    w.add(placeholderParagraph('部门整体支出绩效自评得分及等级（文档中没有部门整体支出绩效自评表）'));
  }
  w.add(...textsOrPlaceholder(deptTexts('conclusion'), '部门整体支出绩效自评结论'));
  w.subheading('项目支出绩效自评结果');
  if (projectLines.length === 0) {
    w.add(placeholderParagraph('项目支出绩效自评情况（文档中没有项目支出绩效自评表）'));
  } else {
    const counts = GRADES.map((g) => `“${g}”${gradeCounts[g]}个`).join('，');
    w.add(sentence(`本年度共对${projectLines.length}个项目开展绩效自评，其中等级为${counts}。`));
    w.table('项目支出绩效自评结果（万元）', (c) => projectTable(c, projectLines));
  }

  w.heading('存在的问题及原因');
  perForm(w, dept, projects, 'problems', '存在的问题及原因');
  w.heading('下一步改进措施');
  perForm(w, dept, projects, 'improvements', '下一步改进措施');
  w.heading('自评结果应用');
  w.add(
    ...textsOrPlaceholder(
      deptTexts('application'),
      '自评结果的应用情况（整改落实、与预算安排挂钩、信息公开等）',
    ),
  );
  const other = deptTexts('other');
  if (other.length) {
    w.heading('其他需要说明的情况');
    w.add(...textsOrPlaceholder(other, '其他需要说明的情况'));
  }
  w.add(
    { kind: 'paragraph', runs: [] },
    { kind: 'paragraph', align: 'right', runs: [{ text: unit }] },
    { kind: 'paragraph', align: 'right', runs: [{ placeholder: '报告日期' }] },
  );

  return {
    title: `${year}年度部门整体支出绩效自评报告`,
    unitLine: `单位名称：${unit}`,
    blocks: w.blocks,
    department: deptLine,
    projects: projectLines,
    gradeCounts,
  };
}

/** The texts every form gives on a topic, one sub-section per form that says something. */
function perForm(
  w: OutlineWriter,
  dept: ScoredForm | null,
  projects: readonly ScoredForm[],
  topic: 'problems' | 'improvements',
  placeholder: string,
): void {
  let any = false;
  for (const { form } of dept ? [dept, ...projects] : projects) {
    const paragraphs = formFindings(form, topic);
    if (paragraphs.length === 0) continue;
    any = true;
    w.subheading(form.kind === 'department' ? `部门整体（${formName(form)}）` : formName(form));
    w.add(...paragraphs);
  }
  if (!any) w.add(placeholderParagraph(placeholder));
}

function goalText(text: string | undefined) {
  return text === undefined || saysNothing(text) ? [] : [{ title: '', text }];
}

function staffSentence(form: Form | undefined, year: number): string | null {
  const data = form?.basicData;
  if (!data || (data.authorizedStaff === null && data.actualStaff === null)) return null;
  const parts: string[] = [];
  if (data.authorizedStaff !== null) parts.push(`编制数${data.authorizedStaff}人`);
  if (data.actualStaff !== null) parts.push(`${year}年实际在职人数${data.actualStaff}人`);
  const rate = controlRate(data.actualStaff, data.authorizedStaff);
  if (rate !== null) parts.push(`控制率${fmtPct(rate)}`);
  return `${parts.join('，')}。`;
}

function budgetSentence(line: ReportFormLine, year: number): string | null {
  const parts: string[] = [];
  if (line.budget !== null) parts.push(`全年预算数${fmtAmount(line.budget)}万元`);
  if (line.executed !== null) parts.push(`全年执行数${fmtAmount(line.executed)}万元`);
  if (line.rate !== null) parts.push(`预算执行率${fmtPct(line.rate)}`);
  return parts.length ? `${year}年度部门${parts.join('，')}。` : null;
}
