/**
 * Who works in this copy of the app (姓名, 单位): asked on first start, kept in the data folder and
 * used to sign every comment, audit score, status, change and review file — never the login of
 * the operating system, which says nothing to a reviewer in another office.
 */

export interface UserProfile {
  name: string;
  /** 单位; may be empty. */
  unit: string;
}

export const NAME_MAX = 32;
export const UNIT_MAX = 64;

/** Signs review data and the change log: 张三（财政局）, or the name alone without a unit. */
export function signature(profile: UserProfile): string {
  return profile.unit === '' ? profile.name : `${profile.name}（${profile.unit}）`;
}

// Line breaks, tabs and other control characters would break the one-line places a name is shown in.
const CONTROL = /\p{Cc}/u;

/** What is wrong with a typed name or unit (Chinese), or null. Both are checked trimmed. */
export function profileProblem(profile: UserProfile): string | null {
  const name = profile.name.trim();
  const unit = profile.unit.trim();
  if (name === '') return '请填写姓名：批注、审核意见和修改记录都以它署名';
  if (name.length > NAME_MAX) return `姓名不能超过 ${NAME_MAX} 个字，请缩短后再保存`;
  if (unit.length > UNIT_MAX) return `单位名称不能超过 ${UNIT_MAX} 个字，请缩短后再保存`;
  if (CONTROL.test(name) || CONTROL.test(unit)) return '姓名和单位中不能有换行或制表符，请删去后再保存';
  return null;
}

/** A profile from outside (a settings file, a call), trimmed; null when it is not one. */
export function readProfile(raw: unknown): UserProfile | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { name, unit } = raw as Record<string, unknown>;
  if (typeof name !== 'string' || (unit !== undefined && typeof unit !== 'string')) return null;
  const profile = { name: name.trim(), unit: (unit ?? '').trim() };
  return profileProblem(profile) === null ? profile : null;
}
