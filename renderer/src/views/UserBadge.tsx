/** The status bar's 姓名: who signs this window's changes; a click changes it (UserProfileDialog). */
import { useState } from 'react';
import type { UserProfile } from '../../../shared/user/profile';
import { invoke } from '../api/client';
import type { DocumentStore } from '../state/documentStore';
import { UserProfileDialog } from './UserProfileDialog';

export function UserBadge({ store }: { store: DocumentStore }) {
  const [editing, setEditing] = useState<UserProfile | null>(null);
  const open = async () => {
    const r = await invoke('user/get', {});
    if (!r.ok) {
      store.setMessage(r.error.message, 'error');
      return;
    }
    setEditing(r.value ?? { name: '', unit: '' });
  };
  return (
    <>
      <button
        type="button"
        className="link-button status-user"
        title="批注、审核意见和修改记录的署名：点击修改姓名和单位"
        onClick={() => void open()}
        data-testid="status-user"
      >
        {store.status.reviewing ? '审核人' : '填报人'}：{store.status.user}
      </button>
      {editing && (
        <UserProfileDialog
          initial={editing}
          onCancel={() => setEditing(null)}
          onSaved={(profile, status) => {
            setEditing(null);
            if (status) store.updateStatus(status);
            store.setMessage(`已改为以“${profile.name}”署名`);
          }}
        />
      )}
    </>
  );
}
