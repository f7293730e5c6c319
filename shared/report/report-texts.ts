/**
 * The forms' own texts, sorted into the report's sections. Analysis titles differ by region and
 * by form (部门基本情况, 部门（单位）基本情况, 存在的问题和困难 …), so a text goes where its title's
 * words say; a text whose title says nothing the report knows is kept for 其他需要说明的情况.
 */
import { analysisTitleKey } from '../layouts/analysis-titles';
import type { Form } from '../model/types';
import type { OutlineBlock, OutlineParagraph, Run } from './outline-types';

export type Topic =
  'problems' | 'improvements' | 'application' | 'conclusion' | 'functions' | 'staff' | 'budget' | 'other';

/** First match wins: 部门整体支出绩效情况 is a conclusion, not a budget text. */
const ROUTES: ReadonlyArray<[RegExp, Topic]> = [
  [/问题|困难/, 'problems'],
  [/改进|建议|整改/, 'improvements'],
  [/结果应用/, 'application'],
  [/自评结论|绩效情况|履职|效能|管理效率|目标|完成情况|产出|效益|满意度|经验/, 'conclusion'],
  [/职能|职责|基本情况/, 'functions'],
  [/机构|人员/, 'staff'],
  [/预算|支出|收支|资金/, 'budget'],
];

export function topicOf(title: string): Topic {
  const key = analysisTitleKey(title);
  return ROUTES.find(([re]) => re.test(key))?.[1] ?? 'other';
}

/** 无, 无。, ／, — : typed to fill a box, saying nothing the report could print. */
export function saysNothing(text: string): boolean {
  return /^[\s无/／\\—–\-－.。、,，:：]*$/.test(text);
}

export interface TitledText {
  title: string;
  text: string;
}

/** A form's analysis texts of one topic that say something, in the form's order. */
export function textsOn(form: Form, topic: Topic): TitledText[] {
  return Object.entries(form.analysis)
    .filter(([title, text]) => topicOf(title) === topic && !saysNothing(text))
    .map(([title, text]) => ({ title: title.trim(), text }));
}

/** One paragraph per line of the text; `lead` (bold) opens the first. */
export function textParagraphs(text: string, lead?: string): OutlineParagraph[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return lines.map((line, i) => {
    const runs: Run[] = i === 0 && lead ? [{ text: lead, bold: true }, { text: line }] : [{ text: line }];
    return { kind: 'paragraph', runs };
  });
}

/**
 * The texts as paragraphs; when there are several, each opens with its title so that the reader
 * sees where it comes from. None: the placeholder.
 */
export function textsOrPlaceholder(texts: readonly TitledText[], placeholder: string): OutlineBlock[] {
  if (texts.length === 0) return [placeholderParagraph(placeholder)];
  return texts.flatMap((t) => textParagraphs(t.text, texts.length > 1 ? `${t.title}：` : undefined));
}

export function placeholderParagraph(what: string): OutlineParagraph {
  return { kind: 'paragraph', runs: [{ placeholder: what }] };
}

export function sentence(text: string): OutlineParagraph {
  return { kind: 'paragraph', runs: [{ text }] };
}

/**
 * What a form says about its shortfalls: the funds block's and every line's 偏差原因, then the
 * analysis texts on `topic` — each paragraph saying where it comes from.
 */
export function formFindings(form: Form, topic: 'problems' | 'improvements'): OutlineParagraph[] {
  const out: OutlineParagraph[] = [];
  if (topic === 'problems') {
    if (!saysNothing(form.funds.deviationReason))
      out.push(...textParagraphs(form.funds.deviationReason, '预算执行偏差原因：'));
    for (const ind of form.indicators) {
      if (saysNothing(ind.deviationReason)) continue;
      const name = ind.name.trim() || ind.level2.trim() || '（未命名指标）';
      const values = [
        ind.target.trim() ? `指标值 ${ind.target.trim()}` : '',
        ind.actual.trim() ? `实际完成值 ${ind.actual.trim()}` : '',
      ].filter((v) => v !== '');
      const lead = `指标“${name}”${values.length ? `（${values.join('，')}）` : ''}：`;
      out.push(...textParagraphs(ind.deviationReason, lead));
    }
  }
  for (const t of textsOn(form, topic)) out.push(...textParagraphs(t.text, `${t.title}：`));
  return out;
}
