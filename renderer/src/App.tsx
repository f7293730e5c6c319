/**
 * The window: at start it asks the services what is open (`app/state`, sent before React mounts:
 * state/startup.ts), then shows the document,
 * or a start panel to open or create one; unsaved work of an earlier run is offered for recovery.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CallResult, OpenedDocument, RecoverableDocument } from '../../shared/contract';
import { invoke } from './api/client';
import { DocumentStore } from './state/documentStore';
import { startupRequests } from './state/startup';
import { Editor } from './views/Editor';
import { FileChooserHost } from './views/FileChooser';
import { RecoveryBanner } from './views/RecoveryBanner';
import { StartPanel, UnitsOverview } from './views/lazyViews';
import { UserProfileDialog } from './views/UserProfileDialog';

type Phase =
  | { kind: 'loading' }
  | { kind: 'ready'; store: DocumentStore | null }
  /** 打开文件夹（多个单位）: the overview of the units under these folders. */
  | { kind: 'units'; paths: string[] };

export function App() {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [recoverable, setRecoverable] = useState<RecoverableDocument[]>([]);
  const [error, setError] = useState<string | null>(null);
  /** First start: no 姓名 yet, asked before anything is signed. */
  const [needsName, setNeedsName] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const { user, state } = startupRequests();
    void user.then((r) => {
      if (!cancelled && r.ok && r.value === null) setNeedsName(true);
    });
    void state.then((r) => {
      if (cancelled) return;
      if (!r.ok) {
        setError(r.error.message);
        setPhase({ kind: 'ready', store: null });
        return;
      }
      setRecoverable(r.value.recoverable);
      setPhase({ kind: 'ready', store: r.value.document ? new DocumentStore(r.value.document) : null });
    });
    return () => {
      cancelled = true;
    };
  }, []);

  /** Shows a document the services just opened, created or recovered. */
  const opened = useCallback((r: CallResult<OpenedDocument>): boolean => {
    if (!r.ok) {
      setError(r.error.message);
      return false;
    }
    setError(null);
    setPhase({ kind: 'ready', store: new DocumentStore(r.value) });
    return true;
  }, []);

  const recover = useCallback(
    async (sessionId: string) => {
      if (opened(await invoke('recovery/recover', { sessionId }))) {
        setRecoverable((list) => list.filter((d) => d.sessionId !== sessionId));
      }
    },
    [opened],
  );

  const discard = useCallback(async (sessionId: string) => {
    const r = await invoke('recovery/discard', { sessionId });
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    setRecoverable((list) => list.filter((d) => d.sessionId !== sessionId));
  }, []);

  const closed = useCallback(() => {
    setPhase({ kind: 'ready', store: null });
  }, []);

  if (phase.kind === 'loading') {
    return (
      <div className="app-loading" data-testid="loading">
        正在启动…
      </div>
    );
  }
  const store = phase.kind === 'ready' ? phase.store : null;
  return (
    <div className="app">
      {needsName && (
        <UserProfileDialog
          initial={null}
          onSaved={(_profile, status) => {
            setNeedsName(false);
            if (status && store) store.updateStatus(status);
          }}
        />
      )}
      {recoverable.length > 0 && (
        <RecoveryBanner items={recoverable} onRecover={recover} onDiscard={discard} />
      )}
      {error && (
        <div className="app-error" role="alert" data-testid="app-error">
          {error}
          <button type="button" className="link-button" onClick={() => setError(null)}>
            知道了
          </button>
        </div>
      )}
      {phase.kind === 'units' ? (
        <UnitsOverview paths={phase.paths} onOpened={opened} onClose={closed} />
      ) : phase.store ? (
        <Editor key={phase.store.id} store={phase.store} onClosed={closed} />
      ) : (
        <StartPanel onOpened={opened} onUnits={(paths) => setPhase({ kind: 'units', paths })} />
      )}
      <FileChooserHost />
    </div>
  );
}
