import type { Grade } from '../model/types';
import type { ScoringPolicy } from './types';

/** 等级 of a total under the layout's bands (highest band first). */
export function gradeFor(total: number, policy: Pick<ScoringPolicy, 'gradeBands'>): Grade {
  for (const band of policy.gradeBands) if (total >= band.min - 1e-9) return band.grade;
  return '差';
}
