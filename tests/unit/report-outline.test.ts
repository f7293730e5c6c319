/**
 * The 自评报告's outline (shared/report/report-outline.ts): its numbers are the forms' own scoring,
 * every project form is named with its score and grade, the forms' texts land in their sections
 * named by form, and what the document does not say is a placeholder, never prose.
 */
import { describe, expect, it } from 'vitest';
import { fmt2, fmtAmount, fmtPct } from '../../shared/format/numbers';
import { getLayout } from '../../shared/layouts/definitions';
import { fundsTotalRow } from '../../shared/model/funds-rows';
import { GRADES, type ZipingDocument } from '../../shared/model/types';
import { blockText, type OutlineBlock, type OutlineTable } from '../../shared/report/outline-types';
import { buildReportOutline, chineseNumeral } from '../../shared/report/report-outline';
import { scoreForm } from '../../shared/scoring/form';
import { generatedDocument } from '../support/documents';
import {
  departmentForm,
  fixtureReportDocument,
  generatedReportDocument,
  numbersOfDocument,
  strayNumbers,
} from '../support/report';

const text = (blocks: readonly OutlineBlock[]) => blocks.map(blockText).join('\n');

/** The blocks from the heading that starts with `title` to the next heading of its level or above. */
function section(blocks: readonly OutlineBlock[], title: string): OutlineBlock[] {
  const start = blocks.findIndex((b) => b.kind === 'heading' && b.text.includes(title));
  expect(start, `没有“${title}”一节`).toBeGreaterThanOrEqual(0);
  const level = (blocks[start] as { level: number }).level;
  const end = blocks.findIndex((b, i) => i > start && b.kind === 'heading' && b.level <= level);
  return blocks.slice(start, end < 0 ? undefined : end);
}

const placeholders = (blocks: readonly OutlineBlock[]) =>
  blocks.flatMap((b) =>
    b.kind === 'paragraph' ? b.runs.flatMap((r) => ('placeholder' in r ? [r.placeholder] : [])) : [],
  );

const tables = (blocks: readonly OutlineBlock[]) =>
  blocks.filter((b): b is OutlineTable => b.kind === 'table');

describe('report outline of the real forms (004 department + 004/002 projects)', () => {
  const doc = fixtureReportDocument();
  const outline = buildReportOutline(doc);
  const layout = getLayout(doc.meta.layout);

  it('has the six sections of the published reports, in order', () => {
    const headings = outline.blocks
      .filter((b) => b.kind === 'heading' && b.level === 1)
      .map((b) => blockText(b));
    expect(headings.slice(0, 6)).toEqual([
      '一、部门（单位）基本情况',
      '二、绩效目标及实现情况',
      '三、自评结论',
      '四、存在的问题及原因',
      '五、下一步改进措施',
      '六、自评结果应用',
    ]);
    expect(outline.title).toBe('2024年度部门整体支出绩效自评报告');
    expect(outline.unitLine).toBe('单位名称：衡阳市生态环境局');
  });

  it('gives every form the total, grade, budget, execution and rate its scoring gives', () => {
    const dept = doc.forms[0];
    if (!dept) throw new Error('no forms');
    expect(dept.kind).toBe('department');
    const deptResult = scoreForm(dept, layout);
    expect(outline.department).toMatchObject({ total: deptResult.total, grade: deptResult.grade });
    expect(outline.projects).toHaveLength(doc.forms.length - 1);
    doc.forms.slice(1).forEach((form, i) => {
      const result = scoreForm(form, layout);
      const total = fundsTotalRow(form.funds, layout.kinds[form.kind].fundsRows);
      expect(outline.projects[i]).toEqual({
        formId: form.id,
        name: form.projectName.trim(),
        budget: total?.fullYearBudget ?? null,
        executed: total?.executed ?? null,
        rate: result.execution.rate,
        total: result.total,
        grade: result.grade,
      });
    });
    // 96 as printed on 004-01 (Σ of its printed scores).
    expect(outline.department?.total).toBe(96);
  });

  it('prints every project form in the conclusion table: name, amounts, rate, score, grade', () => {
    const table = tables(section(outline.blocks, '项目支出绩效自评结果'))[0];
    if (!table) throw new Error('no project table');
    expect(table.rows).toHaveLength(outline.projects.length);
    outline.projects.forEach((line, i) => {
      expect(table.rows[i]).toEqual([
        String(i + 1),
        line.name,
        line.budget === null ? '' : fmtAmount(line.budget),
        line.executed === null ? '' : fmtAmount(line.executed),
        line.rate === null ? '' : fmtPct(line.rate),
        fmt2(line.total),
        line.grade,
      ]);
    });
    // Amounts keep their typed decimals (002's 79.891).
    expect(table.rows.some((r) => r[2] === '79.891')).toBe(true);
  });

  it('counts the project forms per grade, and says so', () => {
    const counts = GRADES.map((g) => outline.projects.filter((p) => p.grade === g).length);
    expect(GRADES.map((g) => outline.gradeCounts[g])).toEqual(counts);
    const said = text(section(outline.blocks, '项目支出绩效自评结果'));
    expect(said).toContain(`共对${outline.projects.length}个项目`);
    GRADES.forEach((g, i) => expect(said).toContain(`“${g}”${counts[i]}个`));
  });

  it('shows the department score and grade, the 基础数据表 and the funds block', () => {
    const conclusion = text(section(outline.blocks, '部门整体支出绩效自评结果'));
    expect(conclusion).toContain('自评得分96.00分，等级为“优”');
    const basic = text(section(outline.blocks, '部门（单位）基本情况'));
    expect(basic).toContain('编制数166人，2024年实际在职人数113人，控制率68.07%');
    expect(basic).toContain('全年预算数4821.31万元');
    expect(basic).toContain('三公经费\t82.73\t77.00\t35.32');
    expect(basic).toContain('2023年决算数');
  });

  it('puts the forms’ problem texts and 偏差原因 under 四, each under its form’s name', () => {
    const problems = section(outline.blocks, '存在的问题及原因');
    const said = text(problems);
    expect(said).toContain('（一）部门整体（衡阳市生态环境局）');
    expect(said).toContain('一是环境质量持续改善压力大');
    for (const form of doc.forms.slice(1)) {
      const own = Object.entries(form.analysis).find(([k, v]) => k.includes('问题') && !/^\s*无/.test(v));
      if (own) expect(said, form.projectName).toContain(form.projectName);
    }
    expect(said).toContain('预算执行偏差原因：');
    expect(said).toMatch(/指标“[^”]+”（指标值 [^）]+）：/);
  });

  it('prints no number that the document does not hold or give', () => {
    const allowed = numbersOfDocument(doc, 0);
    expect(strayNumbers(text(outline.blocks), allowed)).toEqual([]);
    // The check sees a number from nowhere (a rate miscomputed, a score invented).
    expect(strayNumbers(`${text(outline.blocks)}\n得分 93.17 分`, allowed)).toEqual([93.17]);
  });
});

describe('report outline: what the document does not say is a placeholder', () => {
  it('a document of project forms only: every department part is a placeholder, no prose', () => {
    const doc: ZipingDocument = generatedDocument(4, 5);
    const outline = buildReportOutline(doc);
    expect(outline.department).toBeNull();
    expect(outline.unitLine).toBe('单位名称：生成单位');
    const gaps = placeholders(outline.blocks);
    for (const what of [
      '主要职能',
      '内设机构',
      '预算收支',
      '总体绩效目标',
      '实际完成情况',
      '绩效指标',
      '自评得分及等级',
      '存在的问题',
      '改进措施',
      '应用情况',
      '报告日期',
    ])
      expect(
        gaps.some((g) => g.includes(what)),
        what,
      ).toBe(true);
    // The paragraphs that are not placeholders are the document's numbers, said plainly.
    const prose = outline.blocks
      .filter((b) => b.kind === 'paragraph')
      .flatMap((b) => b.runs.flatMap((r) => ('text' in r ? [r.text] : [])))
      .filter((t) => t !== '');
    expect(prose).toEqual([
      '本年度共对4个项目开展绩效自评，其中等级为' +
        GRADES.map((g) => `“${g}”${buildReportOutline(doc).gradeCounts[g]}个`).join('，') +
        '。',
      '生成单位',
    ]);
  });

  it('a department form with some texts: those are printed, the missing ones are placeholders', () => {
    const doc = generatedReportDocument(6);
    const outline = buildReportOutline(doc);
    const gaps = placeholders(outline.blocks);
    // Given: 部门基本情况, the goal, the indicators, a problem line, 改进措施.
    expect(text(section(outline.blocks, '部门（单位）职能'))).toContain('负责全市生态环境监测。');
    expect(gaps.some((g) => g.includes('主要职能'))).toBe(false);
    expect(text(section(outline.blocks, '年度总体目标'))).toContain('空气质量优良率不低于85%');
    expect(tables(section(outline.blocks, '绩效指标完成情况'))).toHaveLength(1);
    expect(text(section(outline.blocks, '存在的问题及原因'))).toContain(
      '指标“监测点位数”（指标值 ≥40个，实际完成值 38个）：两个点位因道路施工暂停监测',
    );
    expect(text(section(outline.blocks, '下一步改进措施'))).toContain('加强预算编制的前瞻性。');
    // Missing: 实际完成情况, 机构 (no 基础数据表), the conclusion text, 结果应用.
    for (const what of ['实际完成情况', '内设机构', '自评结论', '应用情况'])
      expect(
        gaps.some((g) => g.includes(what)),
        what,
      ).toBe(true);
    // 存在问题 “无” says nothing: not printed as the department's problem.
    expect(text(section(outline.blocks, '存在的问题及原因'))).not.toMatch(/存在问题：无/);
  });

  it('names every project with a problem text under 四, and only those', () => {
    const doc = generatedReportDocument(9);
    const said = text(section(buildReportOutline(doc).blocks, '存在的问题及原因'));
    doc.forms.slice(1).forEach((form, i) => {
      if (i % 3 === 0)
        expect(said).toContain(
          `${form.projectName}\n项目管理中存在的主要问题及原因分析：第${i + 1}个项目招标推迟两个月。`,
        );
      else expect(said).not.toContain(`）${form.projectName}\n`);
    });
  });

  it('the indicator table adds up to the department total', () => {
    const doc = generatedReportDocument(1);
    const outline = buildReportOutline(doc);
    const table = tables(section(outline.blocks, '绩效指标完成情况'))[0];
    const dept = doc.forms[0];
    if (!table || !dept) throw new Error('no indicator table');
    const result = scoreForm(dept, getLayout('national'));
    expect(table.rows[0]).toEqual([
      '',
      '',
      '预算执行率',
      '',
      fmtPct(result.execution.rate ?? 0),
      '10.00',
      fmt2(result.execution.final),
    ]);
    expect(table.total).toEqual(['合计', '', '', '', '', fmt2(result.weightTotal), fmt2(result.total)]);
    expect(departmentForm().indicators).toHaveLength(table.rows.length - 1);
  });
});

describe('chineseNumeral', () => {
  it('writes section numbers as official documents do', () => {
    expect([1, 6, 10, 11, 20, 24].map(chineseNumeral)).toEqual(['一', '六', '十', '十一', '二十', '二十四']);
  });
});
