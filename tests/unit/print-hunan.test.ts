/**
 * The print view (shared/print, the PDF and Ctrl+P) of 湖南's project form prints what 004 prints,
 * as the Excel export does: nothing above 项目支出名称, the funds rows in 004's order (an older form
 * keeps 年度资金总额 first) with 分值/执行率/得分 on the total, every 二级 of the tree (blank rows
 * where the form has no line).
 */
import { describe, expect, it } from 'vitest';
import { getLayout } from '../../shared/layouts/definitions';
import { formHtml } from '../../shared/print/form-html';
import { scoreForm } from '../../shared/scoring/form';
import { asPrinted004 } from '../../scripts/build-sample';
import type { Form } from '../../shared/model/types';
import { readFixture } from '../support/documents';

const hunan = getLayout('hunan');
const printOf = (form: Form) => formHtml({ form, layout: hunan, result: scoreForm(form, hunan) });

/** The rows of the HTML's tables, each as its cells' texts. */
function tableRows(html: string): string[][] {
  return [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) =>
    [...(m[1] ?? '').matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((c) => c[1] ?? ''),
  );
}

describe('湖南 project form in the print view', () => {
  // 004's 大气污染防治资金 as transcribed: the older shape, 年度资金总额 first.
  const form = readFixture('004-02.json').form;
  const html = formHtml({ form, layout: hunan, result: scoreForm(form, hunan) });
  const rows = tableRows(html);

  it('prints no title, year line or 金额单位 above 项目支出名称', () => {
    expect(html).not.toContain('<h1>');
    expect(html).not.toContain('金额单位');
    expect(html).not.toContain('年度）');
    expect(rows[0]?.slice(0, 2)).toEqual(['项目支出名称', form.projectName]);
  });

  it("prints the funds rows in 004's order, the scores on 年度资金总额 only", () => {
    const at = rows.findIndex((r) => r.includes('年初预算数'));
    const funds = rows.slice(at + 1, at + 5);
    expect(funds.map((r) => r[0])).toEqual(['当年财政拨款', '上年结转资金', '其他资金', '年度资金总额']);
    expect(funds[3]?.slice(4)).toEqual(['10', '100.00%', '10.00']);
    expect(funds[0]?.slice(4)).toEqual(['', '', '']);
  });

  it('prints every 二级 of the tree, 经济效益指标 and the two empty 成本 二级 as blank rows', () => {
    const header = rows.findIndex((r) => r.includes('三级指标'));
    const total = rows.findIndex((r) => r[0] === '总分');
    const body = rows.slice(header + 1, total);
    const level2s = Object.values(hunan.kinds.project.levels).flat();
    expect(body).toHaveLength(level2s.length);
    // The last five cells are 三级指标 … 得分 (a row's 一级 cell only where its group starts); 二级 before them.
    const blanks = body.filter((r) => r.slice(-5).every((t) => t === '')).map((r) => r.at(-6));
    expect(blanks).toEqual(['经济效益指标', '社会成本指标', '生态环境成本指标']);
    expect(body.flat()).toContain('企业大气环境空气质量');
  });

  it("004's 自评表: 年度资金总额 alone as a funds row, 按收入性质分 | 按支出性质分 side by side under it", () => {
    // As the sample holds it: each line's one printed amount as 全年执行数.
    const dept = asPrinted004(readFixture('004-01.json').form);
    const rowsOf = tableRows(printOf(dept));
    const at = rowsOf.findIndex((r) => r.includes('全年执行数（万元）'));
    expect(rowsOf[at + 1]?.slice(0, 4)).toEqual(['年度资金总额', '2456.03', '4821.31', '4821.31']);
    expect(rowsOf[at + 2]).toEqual(['按收入性质分：', '按支出性质分：']);
    // The two expense lines spread over the four rows (each two rows tall), as in the export.
    expect(rowsOf.slice(at + 3, at + 7)).toEqual([
      ['一般公共预算：', '4643.58', '其中：基本支出：', '2642.66'],
      ['政府性基金拨款：', '0.00'],
      ['纳入专户管理的非税收入：', '0.00', '项目支出：', '2178.65'],
      ['其他资金：', '177.73'],
    ]);
    expect(printOf(dept)).toContain('rowspan="2">其中：基本支出：');
    // No grouped line is printed as a funds row of its own.
    expect(rowsOf.flat()).not.toContain('一般公共预算');
  });
});
