/**
 * Numbers as the user types them into a cell (分值, 得分, 万元 amounts, 得分比例). Read with the
 * value reader's normalisation (full-width digits and signs, spaces, ％), so a number typed in a
 * cell and one read in a value are read alike. Nothing here throws: refusals carry a Chinese
 * message and the cell keeps its old value.
 */
import { normalizeValueText } from './normalize';

export type NumberInput = { ok: true; value: number | null } | { ok: false; message: string };

/**
 * A number cell: empty → null; `1,234.5`, `１０`, `10分`, `12.5万元` are read; anything else is
 * refused with a Chinese message.
 */
export function parseNumberInput(raw: unknown, what: string): NumberInput {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (typeof raw === 'number')
    return Number.isFinite(raw) ? { ok: true, value: raw } : bad(what, String(raw));
  const text = normalizeValueText(String(raw))
    .replace(/[,，]/g, '')
    .replace(/(分|万元|元)$/, '');
  if (text === '') return { ok: true, value: null };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(text)) return bad(what, String(raw));
  const value = Number(text);
  return Number.isFinite(value) ? { ok: true, value } : bad(what, String(raw));
}

function bad(what: string, raw: string): NumberInput {
  return { ok: false, message: `${what}应为数字，“${raw}”无法识别：请重新输入` };
}

/** A percentage input (得分比例): `80`, `80%`, `0.8` → 0.8; empty → null. */
export function parseShareInput(raw: string): NumberInput {
  const text = normalizeValueText(raw);
  if (text === '') return { ok: true, value: null };
  const pct = text.endsWith('%');
  const n = parseNumberInput(pct ? text.slice(0, -1) : text, '得分比例');
  if (!n.ok || n.value === null) return n;
  const value = pct || n.value > 1 ? n.value / 100 : n.value;
  if (value < 0 || value > 1) return { ok: false, message: '得分比例应在 0%–100% 之间：请重新输入' };
  return { ok: true, value };
}
