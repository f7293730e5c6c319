import type { Grade } from '../../../shared/model/types';

const CLASS: Record<Grade, string> = { 优: 'grade-a', 良: 'grade-b', 中: 'grade-c', 差: 'grade-d' };

export function GradeBadge({ grade, testId }: { grade: Grade; testId?: string }) {
  return (
    <span className={`grade-badge ${CLASS[grade]}`} data-testid={testId} title={`等级：${grade}`}>
      {grade}
    </span>
  );
}
