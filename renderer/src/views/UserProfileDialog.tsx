/**
 * 姓名 and 单位: asked on first start (before anything is signed) and changed later from the status
 * bar. Checked as the Node side checks them (shared/user/profile.ts); a refusal says what to fix
 * and keeps what was typed.
 */
import { useEffect, useRef, useState } from 'react';
import type { DocStatus } from '../../../shared/contract';
import { NAME_MAX, UNIT_MAX, profileProblem, type UserProfile } from '../../../shared/user/profile';
import { invoke } from '../api/client';

interface Props {
  /** The profile to change; null on first start (no 取消 then: a name is needed). */
  initial: UserProfile | null;
  /** Saved: the open document's status signed with the new name, if a document is open. */
  onSaved: (profile: UserProfile, status: DocStatus | null) => void;
  onCancel?: () => void;
}

export function UserProfileDialog({ initial, onSaved, onCancel }: Props) {
  const [name, setName] = useState(initial?.name ?? '');
  const [unit, setUnit] = useState(initial?.unit ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement | null>(null);
  useEffect(() => first.current?.focus(), []);

  const save = async () => {
    const typed = { name: name.trim(), unit: unit.trim() };
    const wrong = profileProblem(typed);
    if (wrong !== null) {
      setProblem(wrong);
      first.current?.focus();
      return;
    }
    setBusy(true);
    const r = await invoke('user/set', typed);
    setBusy(false);
    if (!r.ok) {
      setProblem(r.error.message);
      return;
    }
    onSaved(r.value.profile, r.value.status);
  };

  return (
    <div className="dialog-backdrop">
      <form
        className="dialog user-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={initial ? '修改姓名和单位' : '欢迎使用：请填写姓名和单位'}
        data-testid="user-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && onCancel) {
            e.stopPropagation();
            onCancel();
          }
        }}
      >
        <h2 className="dialog-title">{initial ? '修改姓名和单位' : '欢迎使用：请填写姓名和单位'}</h2>
        <p className="dialog-message">
          批注、核查分数、审核状态、修改记录和审核文件都以此署名（不使用电脑的登录名）。以后可在状态栏点击姓名修改。
        </p>
        <label className="user-field">
          姓名
          <input
            ref={first}
            value={name}
            maxLength={NAME_MAX + 10}
            onChange={(e) => {
              setName(e.target.value);
              setProblem(null);
            }}
            data-testid="user-name"
          />
        </label>
        <label className="user-field">
          单位（可不填）
          <input
            value={unit}
            maxLength={UNIT_MAX + 10}
            onChange={(e) => {
              setUnit(e.target.value);
              setProblem(null);
            }}
            placeholder="如：某某县财政局"
            data-testid="user-unit"
          />
        </label>
        {problem && (
          <p className="user-problem" role="alert" data-testid="user-problem">
            {problem}
          </p>
        )}
        <div className="dialog-buttons">
          {onCancel && (
            <button type="button" onClick={onCancel} data-testid="user-cancel">
              取消
            </button>
          )}
          <button type="submit" className="primary" disabled={busy} data-testid="user-save">
            保存
          </button>
        </div>
      </form>
    </div>
  );
}
