/**
 * The checks panel's list as rows of one height: a line per kind of finding (its title and count)
 * followed, unless folded, by its findings. Grouping is shared/checks/grouping.ts; this only lays
 * the groups out, filtered to one kind when asked, and keeps each finding's number in the whole
 * list (its test id and React key do not change when another group folds).
 */
import type { Finding } from '../../../shared/checks/types';
import { groupFindings, type FindingGroup } from '../../../shared/checks/grouping';
import { findingKeys } from './findingKeys';

export type CheckRow =
  | { type: 'group'; group: FindingGroup; folded: boolean; key: string }
  | { type: 'finding'; finding: Finding; index: number; key: string };

/** Groups of the findings of several forms, worked out again only when one form's list changed. */
export function groupedFindingsCache(): (perForm: readonly (readonly Finding[])[]) => FindingGroup[] {
  let last: readonly (readonly Finding[])[] = [];
  let groups: FindingGroup[] = [];
  return (perForm) => {
    const same = perForm.length === last.length && perForm.every((list, i) => list === last[i]);
    if (!same) {
      last = perForm;
      groups = groupFindings(perForm.flat());
    }
    return groups;
  };
}

export function checkRows(
  groups: readonly FindingGroup[],
  kind: string,
  folded: ReadonlySet<string>,
): CheckRow[] {
  const rows: CheckRow[] = [];
  let index = 0;
  for (const group of groups) {
    const shown = kind === '' || kind === group.key;
    const isFolded = folded.has(group.key);
    if (shown) rows.push({ type: 'group', group, folded: isFolded, key: `group|${group.key}` });
    const keys = findingKeys(group.findings);
    group.findings.forEach((finding, i) => {
      if (shown && !isFolded) rows.push({ type: 'finding', finding, index, key: keys[i] ?? String(index) });
      index++;
    });
  }
  return rows;
}
