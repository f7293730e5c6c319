/**
 * A document refused at open because of database objects not ours (triggers, views, extra
 * tables) whose data tables are intact: offers a clean copy holding only the rows of our tables,
 * saved where the user chooses (the refused file is only read), and then opens that copy.
 */
import { useState } from 'react';
import type { CallResult, OpenedDocument } from '../../../shared/contract';
import { invoke } from '../api/client';
import { fileChooser } from '../state/fileChooser';

interface Props {
  /** The refused document. */
  from: string;
  /** How the copy opens, as the refused document was asked to. */
  readOnly: boolean;
  review: boolean;
  onOpened: (r: CallResult<OpenedDocument>) => boolean;
}

/** Same folder, `原名-干净副本.ziping`. */
export function cleanCopyPath(from: string): string {
  return `${from.replace(/\.ziping$/i, '')}-干净副本.ziping`;
}

export function RebuildOffer({ from, readOnly, review, onOpened }: Props) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [built, setBuilt] = useState<{ path: string; rows: number } | null>(null);

  const rebuild = async (target: string) => {
    setBusy(true);
    setProblem(null);
    const r = await invoke('doc/rebuildCleanCopy', { from, to: target });
    setBusy(false);
    if (!r.ok) {
      setProblem(`未能重建干净副本：${r.error.message}`);
      return;
    }
    setBuilt(r.value);
  };

  const start = async () => {
    const chosen = await fileChooser.choose({
      mode: 'save',
      title: '干净副本保存到',
      kinds: ['.ziping'],
      suggested: cleanCopyPath(from),
      confirm: '重建',
    });
    if (chosen !== null) await rebuild(chosen);
  };

  const openCopy = async () => {
    if (!built) return;
    setBusy(true);
    onOpened(await invoke('doc/open', { path: built.path, readOnly, review }));
    setBusy(false);
  };

  return (
    <div className="start-card rebuild-offer" data-testid="rebuild-offer">
      {problem && (
        <div className="start-problem" role="alert" data-testid="rebuild-problem">
          {problem}
        </div>
      )}
      {built ? (
        <>
          <p data-testid="rebuild-status">
            已重建干净副本：{built.path}（共 {built.rows} 行数据），原文件未改动。
          </p>
          <button type="button" disabled={busy} onClick={() => void openCopy()} data-testid="rebuild-open">
            打开副本
          </button>
        </>
      ) : (
        <button type="button" disabled={busy} onClick={() => void start()} data-testid="rebuild-button">
          重建干净副本…
        </button>
      )}
    </div>
  );
}
