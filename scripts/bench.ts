/**
 * `npm run bench`: prints the speed figures recorded in BENCHMARKS.md.
 * `npm run bench -- excel` (or scoring, storage, report, service, ui, units, electron) runs only the sections named.
 */
import os from 'node:os';
import { benchExcel } from './bench/excel';
import { benchMainBundle } from './bench/main-bundle';
import { benchScoring } from './bench/scoring';
import { printFigures } from './bench/measure';
import { benchService } from './bench/service';
import { benchStorage } from './bench/storage';
import { benchReport } from './bench/report';
import { benchUi } from './bench/ui';
import { benchUnits, unitsBenchChild } from './bench/units';

// The units section measures each size in a process of its own (its peak RSS): this file again.
const child = process.argv.indexOf('--units-child');
if (child >= 0) {
  await unitsBenchChild(Number(process.argv[child + 1]));
  process.exit(0);
}

console.log(`# Ziping 性能测量  ${new Date().toISOString()}`);
console.log(
  `Node ${process.version}，${os.cpus().length} 核 ${os.cpus()[0]?.model ?? ''}，内存 ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
);
const only = process.argv.slice(2);
// The units section generates thousands of documents: only when asked for.
const wanted = (section: string) => (only.length === 0 && section !== 'units') || only.includes(section);
if (wanted('scoring')) printFigures('评分引擎（shared/scoring）', benchScoring());
if (wanted('storage')) {
  const storage = benchStorage();
  printFigures(`文档存储（electron/services/document-store）— ${storage.note}`, storage.figures);
}
if (wanted('excel')) {
  const excel = await benchExcel();
  printFigures(`Excel 导出与导入（electron/services/excel）— ${excel.note}`, excel.figures);
}
if (wanted('report')) {
  const report = await benchReport();
  printFigures(`自评报告（shared/report + electron/services/report）— ${report.note}`, report.figures);
}
if (wanted('service')) {
  const service = await benchService();
  printFigures(
    `文档服务：进程内与工作线程（electron/services/service-host）— ${service.note}`,
    service.figures,
  );
}
if (wanted('ui')) {
  const ui = await benchUi();
  printFigures(`编辑器界面（真实 Chromium，浏览器模式）— ${ui.note}`, ui.figures);
}
if (wanted('electron')) {
  const main = benchMainBundle();
  printFigures(
    `Electron 主进程包的加载与 V8 代码缓存（electron/main/loader.ts）— ${main.note}`,
    main.figures,
  );
}
if (wanted('units')) {
  const units = benchUnits();
  printFigures(`多个单位的总览（electron/services/units）— ${units.note}`, units.figures);
}
