/**
 * One-off tool for the transcribed real forms in tests/fixtures/forms: where a printed line
 * score is not what the rules give (a human judgement), record it as a manual score with a
 * reason, as a user would type it. Lines the rules reproduce stay computed. Idempotent.
 *
 *   npx tsx scripts/fixtures-apply-printed-scores.ts
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getLayout } from '../shared/layouts/definitions';
import { formToJson, parseFormJson } from '../shared/model/interchange';
import { scoreForm } from '../shared/scoring/form';

export const HUMAN_SCORE_REASON = '原表人工评分（按实际完成情况酌情）';

const dir = join(import.meta.dirname, '../tests/fixtures/forms');
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const path = join(dir, file);
  const parsed = parseFormJson(JSON.parse(readFileSync(path, 'utf8')), 'f1');
  if (!parsed.ok) throw new Error(`${file}: ${parsed.error.join('; ')}`);
  const { layout, form } = parsed.value;
  for (const ind of form.indicators) {
    ind.score = null;
    if (ind.scoreReason === HUMAN_SCORE_REASON) ind.scoreReason = '';
  }
  const result = scoreForm(form, getLayout(layout));
  let manual = 0;
  form.indicators.forEach((ind, i) => {
    const printed = ind.printedScore ?? 0;
    const suggested = result.indicators[i]?.suggested;
    if (suggested === null || suggested === undefined || Math.abs(suggested - printed) > 0.005) {
      ind.score = printed;
      if (suggested !== null && suggested !== undefined) ind.scoreReason = HUMAN_SCORE_REASON;
      manual++;
    }
  });
  writeFileSync(path, `${JSON.stringify(formToJson(form, layout), null, 2)}\n`);
  console.log(`${file}: ${manual}/${form.indicators.length} 行为人工评分`);
}
