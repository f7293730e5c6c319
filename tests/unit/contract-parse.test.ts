/**
 * The contract's parsers, one by one: what each accepts (and the value it gives back), what it
 * refuses, and the Chinese message naming the field.
 */
import { describe, expect, it } from 'vitest';
import {
  arrayOf,
  bool,
  checked,
  int,
  literal,
  none,
  nullable,
  num,
  obj,
  optional,
  refine,
  str,
  type Parser,
} from '../../shared/contract/parse';
import {
  compareAgainst,
  fileName,
  filePath,
  filePathEnding,
  patches,
  plainId,
  year,
} from '../../shared/contract/args';

const refusal = <T>(parser: Parser<T>, raw: unknown, field = 'x'): string => {
  const r = parser(raw, field);
  if (r.ok) throw new Error(`accepted ${JSON.stringify(raw)}`);
  return r.message;
};
const accepted = <T>(parser: Parser<T>, raw: unknown, field = 'x'): T => {
  const r = parser(raw, field);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('the combinators', () => {
  it('str: text only, with its length limits', () => {
    expect(accepted(str(), '')).toBe('');
    expect(refusal(str(), 5, 'path')).toBe('参数 path 应为文本');
    expect(refusal(str({ min: 1 }), '', 'unit')).toBe('参数 unit 不能为空');
    expect(refusal(str({ min: 3 }), 'ab')).toBe('参数 x 至少 3 个字符');
    expect(refusal(str({ max: 2 }), 'abc')).toBe('参数 x 不能超过 2 个字符');
  });

  it('num and int: finite numbers, whole ones, and a lower bound', () => {
    expect(accepted(num, 1.5)).toBe(1.5);
    for (const bad of [NaN, Infinity, '1', null]) expect(refusal(num, bad, 'n')).toBe('参数 n 应为数字');
    expect(accepted(int(), -3)).toBe(-3);
    expect(refusal(int(), 1.5, 'row')).toBe('参数 row 应为整数');
    expect(refusal(int({ min: 1 }), 0, 'saveSeq')).toBe('参数 saveSeq 应为不小于 1 的整数');
  });

  it('bool: true or false, nothing truthy', () => {
    expect(accepted(bool, false)).toBe(false);
    for (const bad of [1, 'true', null])
      expect(refusal(bool, bad, 'draft')).toBe('参数 draft 应为是或否（true 或 false）');
  });

  it('literal: one of the texts listed', () => {
    const format = literal('xlsx', 'json');
    expect(accepted(format, 'json')).toBe('json');
    expect(refusal(format, 'exe', 'format')).toBe('参数 format 应为 xlsx、json 之一');
  });

  it('optional and nullable: a missing field, a null one', () => {
    expect(accepted(optional(bool), undefined)).toBeUndefined();
    expect(refusal(optional(bool), null, 'review')).toContain('参数 review');
    expect(accepted(nullable(str()), null)).toBeNull();
    expect(refusal(nullable(str()), undefined, 'path')).toBe('参数 path 应为文本');
  });

  it('arrayOf: each item parsed and named by its index; a size limit', () => {
    expect(accepted(arrayOf(int()), [1, 2])).toEqual([1, 2]);
    expect(refusal(arrayOf(int()), 'x', 'ids')).toBe('参数 ids 应为列表');
    expect(refusal(arrayOf(int()), [1, 'b'], 'ids')).toBe('参数 ids[1] 应为整数');
    expect(refusal(arrayOf(int(), { max: 2 }), [1, 2, 3], 'ids')).toBe('参数 ids 最多 2 项');
  });

  it('obj: its fields only, nested names, optional keys left out', () => {
    const shape = obj({ path: str(), review: optional(bool), inner: optional(obj({ n: int() })) });
    expect(accepted(shape, { path: 'a', extra: 'dropped', review: undefined }, '')).toEqual({ path: 'a' });
    expect(Object.keys(accepted(shape, { path: 'a' }, ''))).toEqual(['path']);
    expect(refusal(shape, 'x', '')).toBe('请求参数应为对象');
    expect(refusal(shape, [], '')).toBe('请求参数应为对象');
    expect(refusal(shape, {}, '')).toBe('参数 path 应为文本');
    expect(refusal(shape, { path: 'a', inner: { n: 'x' } }, '')).toBe('参数 inner.n 应为整数');
    // Inherited keys are not fields: a prototype's `path` does not count.
    expect(refusal(shape, Object.create({ path: 'a' }), '')).toBe('参数 path 应为文本');
  });

  it('none: any object, no fields kept', () => {
    expect(accepted(none, { a: 1 }, '')).toEqual({});
    expect(refusal(none, null, '')).toBe('请求参数应为对象');
  });

  it('refine and checked: a further test, an existing check with its own message', () => {
    const even = refine(
      int(),
      (n) => n % 2 === 0,
      (f) => `参数 ${f} 应为偶数`,
    );
    expect(accepted(even, 4)).toBe(4);
    expect(refusal(even, 3, 'n')).toBe('参数 n 应为偶数');
    expect(refusal(even, 'a', 'n')).toBe('参数 n 应为整数');
    const isA = (v: unknown): v is 'a' => v === 'a';
    const aOnly = checked(isA, (v) => (v === 'b' ? '不要 b' : null));
    expect(accepted(aOnly, 'a')).toBe('a');
    expect(refusal(aOnly, 'b')).toBe('不要 b');
    expect(refusal(aOnly, 'c', 'letter')).toBe('参数 letter 不正确');
  });
});

describe('the domain parsers', () => {
  it('file paths: present, no NUL, not absurdly long; an ending when one is required', () => {
    const open = filePath('要打开的文件');
    expect(accepted(open, '/tmp/甲.ziping', 'path')).toBe('/tmp/甲.ziping');
    expect(refusal(open, '', 'path')).toBe('缺少要打开的文件（参数 path 应为文件路径）');
    expect(refusal(open, undefined, 'path')).toBe('缺少要打开的文件（参数 path 应为文件路径）');
    expect(refusal(open, 'a\0b', 'path')).toBe('参数 path 不是有效的文件路径');
    expect(refusal(open, 'a'.repeat(5000), 'path')).toBe('参数 path 不是有效的文件路径');
    const json = filePathEnding('.json', '导出位置');
    expect(accepted(json, 'C:\\导出\\表.JSON', 'path')).toBe('C:\\导出\\表.JSON');
    expect(refusal(json, '/tmp/表.xjson.txt', 'path')).toBe('导出位置应为 .json 文件（参数 path）');
    expect(refusal(json, '/tmp/表xjson', 'path')).toBe('导出位置应为 .json 文件（参数 path）');
  });

  it('plain ids: 1–64 letters, digits, - or _; nothing that names another folder', () => {
    expect(accepted(plainId, '0b7e5f0c-1c2d-4a8e-9f00-123456789abc')).toBe(
      '0b7e5f0c-1c2d-4a8e-9f00-123456789abc',
    );
    for (const bad of ['', '.', '..', '../x', 'a/b', 'a\\b', 'a b', 'x'.repeat(65), 'internal:1', 7, null]) {
      expect(refusal(plainId, bad, 'sessionId')).toBe('参数 sessionId 应为 1–64 个字母、数字、“-”或“_”');
    }
  });

  it('year, file names and what to compare with', () => {
    expect(accepted(year, 2024)).toBe(2024);
    expect(refusal(year, 1999, 'year')).toMatch(/^参数 year 应为2000–2100 之间的四位年度/);
    expect(refusal(fileName, 'x'.repeat(256), 'suggestedName')).toBe(
      '参数 suggestedName 不能超过 255 个字符',
    );
    expect(refusal(fileName, 'a\0', 'suggestedName')).toBe('参数 suggestedName 不是有效的文件名');
    expect(accepted(compareAgainst, { kind: 'file', path: ' /tmp/去年.ziping ' }, 'against')).toEqual({
      kind: 'file',
      path: '/tmp/去年.ziping',
    });
    expect(accepted(compareAgainst, { kind: 'version', saveSeq: 2, extra: 1 }, 'against')).toEqual({
      kind: 'version',
      saveSeq: 2,
    });
    expect(refusal(compareAgainst, { kind: 'file', path: '/tmp/表.xlsx' })).toBe(
      '只能与自评表文档（.ziping）比较',
    );
    expect(refusal(compareAgainst, { kind: 'version', saveSeq: 0 }, 'against')).toBe(
      '参数 against.saveSeq 应为不小于 1 的整数',
    );
    expect(refusal(compareAgainst, { kind: 'other' }, 'against')).toBe(
      '比较对象应为文件或已保存的版本（参数 against）',
    );
  });

  it('patches: each checked by shared/model/validate, with its message', () => {
    const ok = { op: 'setMeta', field: 'unit', value: '新单位' };
    expect(accepted(patches, [ok], 'patches')).toEqual([ok]);
    expect(refusal(patches, [ok, { op: 'rm -rf' }], 'patches')).toBe('不认识的修改：rm -rf');
    expect(refusal(patches, [null], 'patches')).toBe('修改内容格式不正确');
    expect(refusal(patches, {}, 'patches')).toBe('参数 patches 应为列表');
  });
});
