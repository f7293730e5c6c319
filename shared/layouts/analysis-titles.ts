/**
 * Analysis titles as regions print them: “一、项目实施和预算执行情况：”, “（三）效益情况”,
 * “1. 产出情况及分析” all name the layout's 项目实施和预算执行情况 / 效益情况及分析 / 产出情况及分析.
 * One normaliser for import, export and screen, so that a text stored under a variant title is
 * shown and printed in its official row, never in an extra row after an empty official one.
 */

/** Wordings real forms print for an official title (beyond numbering, spaces and punctuation). */
const WORDINGS: ReadonlyArray<[variant: string, official: string]> = [
  ['项目管理中存在的问题及原因分析', '项目管理中存在的主要问题及原因分析'],
];

/** Leading numbering: 一、 （一） (1) 1. 1、 ① 第一部分 and the like (after NFKC, ① is 1). */
const NUMBERING =
  /^(?:第[一二三四五六七八九十]+部分[、.,)]?|[一二三四五六七八九十]+[、.,)]|\(?[一二三四五六七八九十]+\)|\(?\d+\)|\d+[、.,)]?)/;

/** A title's key: full-width forms folded (NFKC), no spaces, no numbering, no closing colon or stop. */
export function analysisTitleKey(title: string): string {
  let key = title.normalize('NFKC').replace(/[\s\u3000]+/g, '');
  for (let before = ''; before !== key;) {
    before = key;
    key = key.replace(NUMBERING, '');
  }
  return key.replace(/[:：。.]+$/, '');
}

/** A key without its closing “(及)分析”: 产出情况 and 产出情况及分析 are one title. */
const stem = (key: string) => key.replace(/及?分析$/, '');

/** The title among `titles` that `title` names, or null when it names none of them. */
export function officialAnalysisTitle(title: string, titles: readonly string[]): string | null {
  let key = analysisTitleKey(title);
  const worded = WORDINGS.find(([variant]) => analysisTitleKey(variant) === key);
  if (worded) key = analysisTitleKey(worded[1]);
  const keys = titles.map(analysisTitleKey);
  const exact = keys.indexOf(key);
  if (exact >= 0) return titles[exact] ?? null;
  const byStem = keys.findIndex((k) => stem(k) === stem(key));
  return byStem >= 0 ? (titles[byStem] ?? null) : null;
}

export interface AnalysisEntry {
  /** The row's printed title: the layout's, or the form's own for a text that names none. */
  title: string;
  text: string;
  /** The keys of the form's analysis whose texts the row shows (the official one first when kept). */
  keys: string[];
}

/**
 * The form's analysis texts in the layout's rows: every official title once, with the texts stored
 * under it or under a variant of it (joined by a line break when several); then every text that
 * names no official title, under its own title, so that nothing typed is left out.
 */
export function analysisEntries(
  analysis: Readonly<Record<string, string>>,
  titles: readonly string[],
): AnalysisEntry[] {
  const entries: AnalysisEntry[] = titles.map((title) => ({ title, text: '', keys: [] }));
  for (const key of Object.keys(analysis)) {
    const official = officialAnalysisTitle(key, titles);
    let entry = entries.find((e) => e.title === (official ?? key));
    if (!entry) entries.push((entry = { title: key, text: '', keys: [] }));
    if (key === entry.title) entry.keys.unshift(key);
    else entry.keys.push(key);
  }
  for (const entry of entries) {
    entry.text = entry.keys
      .map((k) => analysis[k] ?? '')
      .filter((t) => t !== '')
      .join('\n');
  }
  return entries;
}
