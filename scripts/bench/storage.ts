/** Document store speed: open and save of a 1,000-form document, one edit persisted. */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DocumentSession } from '../../electron/services/document-store/session';
import type { Patch } from '../../shared/model/patch';
import { generatedDocument } from '../../tests/support/documents';
import { measure, type Figure } from './measure';

export function benchStorage(): { figures: Figure[]; note: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ziping-bench-'));
  const dataDir = path.join(dir, 'data');
  const file = path.join(dir, '千表.ziping');
  try {
    const generated = generatedDocument(1000, 30, 'national');
    const created = DocumentSession.create(
      file,
      { unit: '测试单位', year: 2024, layout: 'national' },
      { dataDir },
    );
    if (!created.ok) throw new Error(created.error.message);
    const patches: Patch[] = generated.forms.map((form, i) => ({ op: 'insertForm', index: i, form }));
    const first = created.value;
    if (!first.apply(patches).ok || !first.save().ok) throw new Error('could not build the document');
    first.close();
    const size = statSync(file).size;

    const figures: Figure[] = [];
    figures.push(
      measure(
        '打开：1,000 张表的文档（校验、工作副本、读入；不评分）',
        10,
        () => {
          const s = DocumentSession.open(file, { dataDir });
          if (!s.ok) throw new Error(s.error.message);
          s.value.close({ discard: true });
        },
        '≤ 300 ms',
      ),
    );

    const opened = DocumentSession.open(file, { dataDir });
    if (!opened.ok) throw new Error(opened.error.message);
    const session = opened.value;
    const form = session.document.forms[500];
    const ind = form?.indicators[3];
    if (!form || !ind) throw new Error('no line');
    let n = 0;
    figures.push(
      measure(
        '改一个单元格并写入磁盘（应用补丁 + 一个 SQLite 事务，synchronous=FULL；不评分）',
        500,
        () => {
          const r = session.apply([
            {
              op: 'setIndicator',
              formId: form.id,
              indicatorId: ind.id,
              field: 'actual',
              value: `${n++ % 100}%`,
            },
          ]);
          if (!r.ok) throw new Error(r.error.message);
        },
        '≤ 2 ms',
      ),
    );
    figures.push(
      measure(
        '保存：1,000 张表（VACUUM INTO 临时文件 + fsync + 改名）',
        10,
        () => {
          const r = session.save();
          if (!r.ok) throw new Error(r.error.message);
        },
        '≤ 300 ms',
      ),
    );
    session.close({ discard: true });
    return { figures, note: `文档大小 ${(size / 2 ** 20).toFixed(1)} MiB，1,000 张表 × 30 个指标` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
