/** 恢复 / 丢弃 of working copies left unsaved by an earlier run. */
import type { RecoverableDocument } from '../../../shared/contract';

interface Props {
  items: RecoverableDocument[];
  onRecover: (sessionId: string) => void;
  onDiscard: (sessionId: string) => void;
}

function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function RecoveryBanner({ items, onRecover, onDiscard }: Props) {
  return (
    <div className="recovery-banner" role="alert" data-testid="recovery-banner">
      <strong>上次有未保存的修改：</strong>
      <ul>
        {items.map((d) => (
          <li key={d.sessionId} data-testid={`recoverable-${d.sessionId}`}>
            <span className="recovery-text">
              {d.unit || '（未填单位）'} {d.year} 年度 · {d.originalPath ?? '新建文档（尚未保存）'} ·{' '}
              {d.unsavedEdits} 处修改 · 最后修改于 {when(d.modifiedAt)}
            </span>
            <button
              type="button"
              onClick={() => onRecover(d.sessionId)}
              data-testid={`recover-${d.sessionId}`}
            >
              恢复
            </button>
            <button
              type="button"
              onClick={() => onDiscard(d.sessionId)}
              data-testid={`discard-${d.sessionId}`}
            >
              丢弃
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
