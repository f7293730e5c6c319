/**
 * `npm run bench`: prints the speed figures recorded in BENCHMARKS.md.
 * Sections are added by later work (storage, Excel, the UI in Chromium).
 */
import os from 'node:os';
import { benchScoring } from './bench/scoring';
import { printFigures } from './bench/measure';
import { benchStorage } from './bench/storage';
import { benchUi } from './bench/ui';

console.log(`# Ziping 性能测量  ${new Date().toISOString()}`);
console.log(
  `Node ${process.version}，${os.cpus().length} 核 ${os.cpus()[0]?.model ?? ''}，内存 ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
);
printFigures('评分引擎（shared/scoring）', benchScoring());
const storage = benchStorage();
printFigures(`文档存储（electron/services/document-store）— ${storage.note}`, storage.figures);
const ui = await benchUi();
printFigures(`编辑器界面（真实 Chromium，浏览器模式）— ${ui.note}`, ui.figures);
