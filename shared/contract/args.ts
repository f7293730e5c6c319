/**
 * Parsers of the contract's domain arguments: file paths, ids, patches, cells, what to compare
 * with. Each refuses with a Chinese message that says which argument is wrong and what it should be.
 */
import { checkCellRef } from '../history/check-cell';
import type { CellRef } from '../history/cells';
import { LAYOUT_IDS } from '../model/types';
import { checkPatch, isPatch, MAX_PATCHES } from '../model/validate';
import { YEAR_RULE, validYear } from '../model/year';
import { checkReviewPatch, isReviewPatch } from '../review/validate';
import { profileProblem, type UserProfile } from '../user/profile';
import type { CompareAgainst } from './types';
import {
  about,
  arrayOf,
  checked,
  fail,
  int,
  isRecord,
  literal,
  named,
  obj,
  ok,
  refine,
  str,
  type Parser,
} from './parse';

/** Longer than any path Windows or Linux accepts; a NUL would cut the path short in the OS. */
const MAX_PATH = 4096;
/** A file name's limit on the file systems we run on. */
const MAX_NAME = 255;

/** A file path from outside; `what` names it in the message (“缺少要打开的文件”). */
export function filePath(what: string): Parser<string> {
  return (raw, field) => {
    if (typeof raw !== 'string' || raw === '') return fail(`缺少${what}（${about(field, '应为文件路径')}）`);
    if (raw.length > MAX_PATH || raw.includes('\0')) return fail(about(field, `不是有效的文件路径`));
    return ok(raw);
  };
}

/** A file path that must end in `ext` (“导出位置应为 .json 文件”). */
export function filePathEnding(ext: string, what: string): Parser<string> {
  const ending = new RegExp(`${ext.replace('.', '\\.')}$`, 'i');
  return refine(
    filePath(what),
    (p) => ending.test(p),
    (field) => `${what}应为 ${ext} 文件（${named(field)}）`,
  );
}

/**
 * Ids that name a folder or a map key (recovery sessions, export jobs): 1–64 plain characters.
 * Strict, because a session id becomes a folder name under the data folder: '' or '..' would
 * name the working-copies folder itself or the data folder.
 */
const PLAIN_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const isPlainId = (v: unknown): v is string => typeof v === 'string' && PLAIN_ID.test(v);

export const plainId: Parser<string> = (raw, field) =>
  isPlainId(raw) ? ok(raw) : fail(about(field, `应为 1–64 个字母、数字、“-”或“_”`));

/** A form's id in the open document. */
export const formId: Parser<string> = (raw, field) =>
  typeof raw === 'string' && raw !== '' ? ok(raw) : fail(about(field, `应为表格编号`));

export const patches = arrayOf(checked(isPatch, checkPatch), { max: MAX_PATCHES });
export const reviewPatches = arrayOf(checked(isReviewPatch, checkReviewPatch), { max: MAX_PATCHES });

export const cellRef: Parser<CellRef> = (raw, field) => {
  const cell = checkCellRef(raw);
  return cell ? ok(cell) : fail(`要查看修改记录的单元格不正确（${named(field)}）`);
};

export const layoutId = literal(...LAYOUT_IDS);

export const year: Parser<number> = (raw, field) =>
  validYear(raw) ? ok(raw) : fail(about(field, `应为${YEAR_RULE}`));

/** A file name a dialog suggests (no folder): at most 255 characters, no NUL. */
export const fileName = refine(
  str({ max: MAX_NAME }),
  (v) => !v.includes('\0'),
  (field) => about(field, '不是有效的文件名'),
);

/** Another document to compare with (trimmed: it may have been typed). */
export const comparedFile: Parser<string> = (raw, field) => {
  const path = filePath('要比较的文件')(typeof raw === 'string' ? raw.trim() : raw, field);
  if (!path.ok) return path;
  return /\.ziping$/i.test(path.value) ? path : fail('只能与自评表文档（.ziping）比较');
};

/** A save's number in the document's history (table `saves`). */
export const savedVersion = int({ min: 1 });

const againstFile = obj({ kind: literal('file'), path: comparedFile });
const againstVersion = obj({ kind: literal('version'), saveSeq: savedVersion });

export const compareAgainst: Parser<CompareAgainst> = (raw, field) => {
  const kind = isRecord(raw) ? raw.kind : undefined;
  if (kind === 'file') return againstFile(raw, field);
  if (kind === 'version') return againstVersion(raw, field);
  return fail(`比较对象应为文件或已保存的版本（${named(field)}）`);
};

const profileShape = obj({ name: str(), unit: str() });

/** 姓名 and 单位 as typed: trimmed, then checked (the message says what to change). */
export const userProfile: Parser<UserProfile> = (raw, field) => {
  const r = profileShape(raw, field);
  if (!r.ok) return r;
  const profile = { name: r.value.name.trim(), unit: r.value.unit.trim() };
  const problem = profileProblem(profile);
  return problem === null ? ok(profile) : fail(problem);
};

/** A moment as an ISO time (what review items carry in updatedAt). */
export const isoTime = refine(
  str({ min: 1, max: 40 }),
  (v) => !Number.isNaN(Date.parse(v)),
  (field) => about(field, '应为时间（ISO 格式）'),
);
