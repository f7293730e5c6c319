/**
 * `npm run sample`: rebuilds samples/示例.ziping from the real forms transcribed in
 * tests/fixtures/forms (../shared/reference 004: 衡阳市生态环境局 — the department form and its
 * project forms; 002: 晋城市生态环境局 project forms). The document uses the 湖南（衡阳）layout,
 * whose project forms are the national template; the 晋城 forms keep all their own data
 * (年初指标值, 定性值情况说明 …), shown when the layout is switched to 山西（晋城）.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getLayout } from '../shared/layouts/definitions';
import { HUNAN_PROJECT_FUNDS_ROWS } from '../shared/layouts/hunan';
import type { Patch } from '../shared/model/patch';
import { plainSource } from '../shared/model/printed-lines';
import type { Form } from '../shared/model/types';
import { DocumentSession } from '../electron/services/document-store/session';
import { fixtureFiles, readFixture } from '../tests/support/documents';
import { cleanSampleForm, MISTAKES_MARK, MISTAKES_SOURCE, mistakesForm } from './sample-forms';

export const SAMPLE_PATH = path.join(import.meta.dirname, '../samples/示例.ziping');

/**
 * A 004 form's funds as the editor keeps them: a project form's rows in the order and wording its
 * paper form prints; the 自评表's grouped lines (transcribed under 全年预算数) with their one printed
 * amount as 全年执行数, the amount the editor, the export and the print show beside each line.
 */
export function asPrinted004(form: Form): Form {
  if (form.kind !== 'project') {
    const lines = form.funds.rows.map((r) =>
      r.group && r.executed === null ? { ...r, executed: r.fullYearBudget, fullYearBudget: null } : r,
    );
    return { ...form, funds: { ...form.funds, rows: lines } };
  }
  const rows = HUNAN_PROJECT_FUNDS_ROWS.map((t) => {
    const row = form.funds.rows.find((r) => plainSource(r.source) === plainSource(t.source));
    if (!row) throw new Error(`“${form.projectName}”没有资金行“${t.source}”`);
    return { ...row, source: t.source };
  });
  return { ...form, funds: { ...form.funds, rows } };
}

export function buildSample(target = SAMPLE_PATH): void {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ziping-sample-'));
  rmSync(target, { force: true });
  try {
    const created = DocumentSession.create(
      target,
      { unit: '衡阳市生态环境局（示例）', year: 2024, layout: 'hunan' },
      { dataDir, who: { user: '示例', host: 'ziping' } },
    );
    if (!created.ok) throw new Error(created.error.message);
    const session = created.value;
    const files = fixtureFiles();
    const ordered = [
      ...files.filter((f) => f.startsWith('004-')),
      ...files.filter((f) => f.startsWith('002-')),
    ];
    // Every form passes the checks (the sample exports without 草稿) but the last, which shows
    // the typical mistakes on purpose.
    const layout = getLayout('hunan');
    const forms = ordered.map((file, i) => {
      const read = readFixture(file, `f${i + 1}`).form;
      const form = file.startsWith('004-') ? asPrinted004(read) : read;
      return form.projectName === MISTAKES_SOURCE ? mistakesForm(form) : cleanSampleForm(form, layout);
    });
    if (!forms.some((f) => f.projectName.endsWith(MISTAKES_MARK)))
      throw new Error(`示例文档：没有“${MISTAKES_SOURCE}”，无法保留常见错误示例`);
    const patches: Patch[] = forms.map((form, index) => ({ op: 'insertForm', index, form }));
    const applied = session.apply(patches);
    if (!applied.ok) throw new Error(applied.error.message);
    const saved = session.save();
    if (!saved.ok) throw new Error(saved.error.message);
    session.close();
    console.log(`已生成 ${path.relative(process.cwd(), target)}：${patches.length} 张表`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) buildSample();
