/** Scoring speed: full scoring of a 1,000-form document, and one cell edit rescored. */
import { getLayout } from '../../shared/layouts/definitions';
import { scoreForm } from '../../shared/scoring/form';
import { Recalculator } from '../../shared/scoring/recalculator';
import { clearReadingCache } from '../../shared/values/reader';
import { generatedDocument } from '../../tests/support/documents';
import { measure, type Figure } from './measure';

export function benchScoring(): Figure[] {
  const doc = generatedDocument(1000, 30, 'national');
  const layout = getLayout('national');
  const figures: Figure[] = [];

  figures.push(
    measure('全量评分（冷启动，读值缓存清空）', 10, () => {
      clearReadingCache();
      for (const form of doc.forms) scoreForm(form, layout);
    }),
  );

  figures.push(
    measure(
      '全量评分：1,000 张表 × 30 个指标（含审核）',
      20,
      () => {
        for (const form of doc.forms) scoreForm(form, layout);
      },
      '≤ 50 ms',
    ),
  );

  const calc = new Recalculator(doc);
  const values = ['85%', '≥90%', '达成预期指标', '12个', '≤30万元', '6月'];
  figures.push(
    measure(
      '增量评分：改一个单元格（实际完成值）',
      5000,
      (i) => {
        const form = doc.forms[(i * 7919) % doc.forms.length];
        const ind = form?.indicators[(i * 31) % 30];
        if (!form || !ind) return;
        calc.apply({
          op: 'setIndicator',
          formId: form.id,
          indicatorId: ind.id,
          field: 'actual',
          value: values[i % values.length] ?? '',
        });
      },
      '≤ 1 ms',
    ),
  );

  const paste = doc.forms[0];
  if (paste) {
    figures.push(
      measure('批量粘贴：一张表 30 行 × 1 列，batch()', 500, (i) => {
        calc.batch(
          paste.indicators.map((ind) => ({
            op: 'setIndicator' as const,
            formId: paste.id,
            indicatorId: ind.id,
            field: 'actual' as const,
            value: values[(i + ind.id.length) % values.length] ?? '',
          })),
        );
      }),
    );
  }
  return figures;
}
