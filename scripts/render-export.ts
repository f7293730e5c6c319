/**
 * `npm run render-export [-- 文档.ziping] [--out 文件夹] [--layout national|shanxi|…]`: exports a
 * document to Excel (as a draft, so that a document with errors still prints), turns the workbook
 * into PDF with LibreOffice headless and every page into a PNG with pdftoppm, so anyone can look
 * at the print. Needs Debian's `libreoffice-calc` and `poppler-utils`. Not part of `npm test`.
 *
 * Without a document it exports one generated form of every layout (A–E), 000 and 004's long
 * 基础数据表, forms of very long texts over many pages (national, 新疆 单位整体, 湖南 部门整体 with its
 * 基础数据表, 广东), and the sample.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { readDocumentSnapshot } from '../electron/services/document-store/snapshot';
import { exportDocument } from '../electron/services/excel/export';
import { LAYOUT_IDS, type ZipingDocument } from '../shared/model/types';
import { layoutDocument, layoutForm, longForm } from '../tests/support/excel';
import { hengyangBasicData, jiangmenForm } from '../tests/support/headers';
import { changjiDepartmentForm, changjiProjectForm } from '../tests/support/xinjiang';
import { SAMPLE_PATH } from './build-sample';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function need(tool: string, pkg: string): void {
  if (spawnSync(tool, ['--version'], { encoding: 'utf8' }).error) {
    console.error(`找不到 ${tool}：请先安装（Debian/Ubuntu：apt-get install ${pkg}）`);
    process.exit(2);
  }
}

function documents(): Array<[string, ZipingDocument]> {
  const given = process.argv.slice(2).find((a) => a.endsWith('.ziping'));
  const files = given ? [given] : [SAMPLE_PATH];
  const out: Array<[string, ZipingDocument]> = files.map((file) => {
    const doc = readDocumentSnapshot(file);
    if (!doc.ok) {
      console.error(doc.error.message);
      process.exit(2);
    }
    return [path.basename(file, '.ziping'), doc.value];
  });
  if (!given) {
    for (const id of LAYOUT_IDS) {
      out.push([
        `样式-${id}`,
        layoutDocument(id, [layoutForm(id, 'project'), layoutForm(id, 'department', 'f2', '部门整体')]),
      ]);
    }
    // 广东 with 000's own contents, to hold beside the real form.
    out.push(['江门-000', layoutDocument('guangdong', [jiangmenForm()])]);
    // 湖南 with 004's 基础数据表, one 专项 a line: long enough to go over pages (its header repeats).
    const hengyang = layoutForm('hunan', 'department', 'f1', '衡阳市生态环境局');
    const data = hengyangBasicData();
    // Under 3、本级专项资金（一个专项一行）, where the editor's 插入 puts them.
    const special = data.spending.findIndex((row) => row.item.startsWith('3、本级专项资金')) + 1;
    const lines = Array.from({ length: 40 }, (_, k) => ({
      item: `专项资金${k + 1}`,
      lastYearFinal: null,
      budget: 10 * (k + 1),
      final: 9.5 * (k + 1),
    }));
    data.spending.splice(special > 0 ? special : data.spending.length, 0, ...lines);
    hengyang.basicData = data;
    out.push(['衡阳-004', layoutDocument('hunan', [hengyang])]);
    // 新疆 with a 单位整体支出绩效自评表 of its own and a project form's time and qualitative lines.
    out.push(['昌吉-新疆', layoutDocument('xinjiang', [changjiDepartmentForm(), changjiProjectForm()])]);
    // Texts longer than a row and a table longer than a page: nothing cut off, the header again
    // on every page of the table, 一级/二级 printed on both sides of a break.
    out.push(['长文字-national', layoutDocument('national', [longForm('national', 30)])]);
    // The same over the tables of their own: 新疆's 单位整体 form, 湖南's 基础数据表, 广东's 评分表
    // (评分标准/佐证 merged over a 一级 group).
    out.push([
      '长文字-xinjiang-单位整体',
      layoutDocument('xinjiang', [longForm('xinjiang', 12, 'department')]),
    ]);
    out.push(['长文字-hunan-部门整体', layoutDocument('hunan', [longForm('hunan', 12, 'department')])]);
    out.push(['长文字-guangdong', layoutDocument('guangdong', [longForm('guangdong', 12)])]);
  }
  const only = option('--layout');
  return only ? out.filter(([, d]) => d.meta.layout === only) : out;
}

need('libreoffice', 'libreoffice-calc');
need('pdftoppm', 'poppler-utils');
const outDir = path.resolve(option('--out') ?? 'test-output/render-export');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

for (const [name, doc] of documents()) {
  const xlsx = path.join(outDir, `${name}.xlsx`);
  const r = await exportDocument(doc, xlsx, { draft: true });
  if (!r.ok) {
    console.error(`${name}：${r.error.message}`);
    process.exitCode = 1;
    continue;
  }
  // A private profile, so that a LibreOffice already running on the desktop does not swallow the job.
  const profile = `file://${path.join(outDir, '.lo-profile')}`;
  const lo = spawnSync(
    'libreoffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, xlsx],
    { encoding: 'utf8', timeout: 180_000 },
  );
  const pdf = path.join(outDir, `${name}.pdf`);
  if (lo.status !== 0) {
    console.error(`${name}：LibreOffice 转换失败：${lo.stderr || lo.error?.message || ''}`);
    process.exitCode = 1;
    continue;
  }
  spawnSync('pdftoppm', ['-r', '80', '-png', pdf, path.join(outDir, name)], { stdio: 'inherit' });
  const pages = readdirSync(outDir).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
  console.log(`${name}：${r.value.forms} 张表 → ${pdf}，${pages.length} 页 PNG`);
}
rmSync(path.join(outDir, '.lo-profile'), { recursive: true, force: true });
console.log(`输出在 ${outDir}`);
