/**
 * Browser mode's file chooser (issue #19): a folder browser inside the app, listed by the server
 * ('files/list'): recent documents and the user's folders on the left, the folder's sub-folders
 * and matching files, 上一级, 新建文件夹, and a 文件名 box (a name in the folder shown, or a full
 * path). Keyboard: arrows move in the list, Enter opens a folder or takes a file, Backspace goes
 * up, Esc closes.
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import type { FilePlaces, FolderEntryInfo, FolderListingInfo } from '../../../shared/contract/files';
import { baseName, fileCall } from '../api/files';
import { chosenPath, folderOf, isFullPath } from '../state/chooserPaths';
import { fileChooser, type OpenChooser } from '../state/fileChooser';
import './file-chooser.css';

const sizeText = (bytes: number): string =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 ** 2
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1024 ** 2).toFixed(1)} MB`;

const timeText = (ms: number): string => new Date(ms).toLocaleString('zh-CN', { hour12: false });

/** Mounted once: shows the chooser while one is asked for. */
export function FileChooserHost() {
  const open = useSyncExternalStore(fileChooser.subscribe, fileChooser.get);
  // A new request is a new chooser (its own folder, name and selection).
  return open ? <FileChooser key={`${open.title}-${open.mode}`} request={open} /> : null;
}

function FileChooser({ request }: { request: OpenChooser }) {
  const [places, setPlaces] = useState<FilePlaces | null>(null);
  const [listing, setListing] = useState<FolderListingInfo | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [name, setName] = useState(() => (request.suggested ? baseName(request.suggested) : ''));
  const [active, setActive] = useState(0);
  const [newFolder, setNewFolder] = useState<string | null>(null);
  /** Save over an existing file only when asked twice. */
  const [replacing, setReplacing] = useState<string | null>(null);
  const list = useRef<HTMLUListElement | null>(null);
  const returnTo = useRef<Element | null>(null);
  const dialog = useRef<HTMLDivElement | null>(null);

  const show = useCallback(
    /**
     * `quiet`: a failure is not shown (a typed path that may be a file's). `alongside` runs with
     * the new listing's state updates, so that both show in one render (a name typed right after
     * the folder appears is never reset by a late update).
     */
    async (folder: string, quiet = false, alongside?: () => void): Promise<boolean> => {
      const r = await fileCall('files/list', { folder, kinds: request.kinds });
      if (!r.ok) {
        if (!quiet) setProblem(r.error.message);
        return false;
      }
      setProblem(null);
      setListing(r.value);
      setActive(0);
      alongside?.();
      fileChooser.lastFolder = r.value.folder;
      return true;
    },
    [request.kinds],
  );

  useEffect(() => {
    returnTo.current = document.activeElement;
    // Focus inside at once, so that Esc closes it even before the first folder is listed.
    dialog.current?.focus();
    void fileCall('files/places', {}).then(async (r) => {
      const home = r.ok ? r.value.home : '/';
      if (r.ok) setPlaces(r.value);
      const suggested =
        request.suggested && isFullPath(request.suggested) ? folderOf(request.suggested) : null;
      for (const start of [suggested, fileChooser.lastFolder, home]) if (start && (await show(start))) break;
    });
    return () => {
      if (returnTo.current instanceof HTMLElement) returnTo.current.focus();
    };
  }, [request.suggested, show]);

  const loaded = listing !== null;
  useEffect(() => {
    // Focus where the user acts first: the name to save under, else the list.
    if (!loaded) return;
    const target =
      request.mode === 'save'
        ? document.querySelector<HTMLInputElement>('[data-testid="file-chooser-name"]')
        : list.current;
    target?.focus();
  }, [loaded, request.mode]);

  const entries = listing?.entries ?? [];

  const finish = (path: string) => {
    if (request.mode === 'save') {
      const exists = entries.some((e) => e.type === 'file' && e.path === path);
      if (exists && replacing !== path) {
        setReplacing(path);
        setProblem(`“${baseName(path)}”已经存在。再按一次“${request.confirm}”替换它，或换一个文件名。`);
        return;
      }
    }
    request.answer(path);
  };

  const take = (entry: FolderEntryInfo) => {
    if (entry.type === 'folder') void show(entry.path);
    else if (request.mode === 'open') finish(entry.path);
    else if (request.mode === 'save') setName(entry.name);
  };

  const confirm = async () => {
    if (listing === null) return;
    const typed = name.trim();
    // A full path to a folder goes there (as a location typed into a system dialog).
    const resetName = () =>
      setName(request.mode === 'save' && request.suggested ? baseName(request.suggested) : '');
    if (isFullPath(typed) && (await show(typed, true, resetName))) return;
    if (request.mode === 'folder') {
      finish(typed === '' ? listing.folder : chosenPath(listing.folder, typed, []));
      return;
    }
    if (typed === '') {
      const entry = entries[active];
      if (entry) take(entry);
      else setProblem(request.mode === 'save' ? '请填写文件名' : '请选择一个文件');
      return;
    }
    finish(chosenPath(listing.folder, typed, request.kinds));
  };

  const makeFolder = async () => {
    if (listing === null || newFolder === null) return;
    const r = await fileCall('files/makeFolder', { parent: listing.folder, name: newFolder });
    if (!r.ok) {
      setProblem(r.error.message);
      return;
    }
    setNewFolder(null);
    await show(r.value.path);
  };

  const goUp = () => {
    if (listing?.parent) void show(listing.parent);
  };

  const listKeys = (e: KeyboardEvent) => {
    const move = (to: number) => {
      e.preventDefault();
      setActive(Math.max(0, Math.min(entries.length - 1, to)));
    };
    if (e.key === 'ArrowDown') move(active + 1);
    else if (e.key === 'ArrowUp') move(active - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(entries.length - 1);
    else if (e.key === 'Enter') {
      e.preventDefault();
      const entry = entries[active];
      if (entry) take(entry);
    } else if (e.key === 'Backspace') {
      e.preventDefault();
      goUp();
    }
  };

  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active, listing]);

  const kindsText = request.kinds.length > 0 ? request.kinds.join('、') : '文件夹';

  return (
    <div className="dialog-backdrop">
      <div
        ref={dialog}
        tabIndex={-1}
        className="dialog file-chooser"
        role="dialog"
        aria-modal="true"
        aria-label={request.title}
        data-testid="file-chooser"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            request.answer(null);
          }
        }}
      >
        <h2 className="dialog-title">{request.title}</h2>
        <div className="file-chooser-bar">
          <button type="button" onClick={goUp} disabled={!listing?.parent} title="上一级文件夹（Backspace）">
            ↑ 上一级
          </button>
          <span className="file-chooser-folder" title={listing?.folder} data-testid="file-chooser-folder">
            {listing?.folder ?? '正在读取…'}
          </span>
          {newFolder === null ? (
            <button
              type="button"
              onClick={() => setNewFolder('新建文件夹')}
              data-testid="file-chooser-new-folder"
            >
              新建文件夹
            </button>
          ) : (
            <form
              className="file-chooser-new"
              onSubmit={(e) => {
                e.preventDefault();
                void makeFolder();
              }}
            >
              <input
                autoFocus
                aria-label="新文件夹的名称"
                value={newFolder}
                onChange={(e) => setNewFolder(e.target.value)}
                onFocus={(e) => e.target.select()}
                data-testid="file-chooser-folder-name"
              />
              <button type="submit">确定</button>
              <button type="button" onClick={() => setNewFolder(null)}>
                取消
              </button>
            </form>
          )}
        </div>
        <div className="file-chooser-body">
          <nav className="file-chooser-places" aria-label="位置">
            {places && places.recent.length > 0 && (
              <>
                <h3>最近</h3>
                {places.recent.map((p) => (
                  <button
                    key={p}
                    type="button"
                    className="link-button"
                    title={p}
                    onClick={() => (request.mode === 'open' ? finish(p) : void show(folderOf(p)))}
                  >
                    {baseName(p)}
                  </button>
                ))}
              </>
            )}
            <h3>位置</h3>
            {places?.places.map((p) => (
              <button
                key={p.path}
                type="button"
                className="link-button"
                title={p.path}
                onClick={() => void show(p.path)}
              >
                {p.label}
              </button>
            ))}
          </nav>
          <ul
            ref={list}
            className="file-chooser-list"
            role="listbox"
            tabIndex={0}
            aria-label={`${listing?.folder ?? ''} 中的文件夹和文件`}
            aria-activedescendant={entries[active] ? `file-entry-${active}` : undefined}
            onKeyDown={listKeys}
            data-testid="file-chooser-list"
          >
            {listing && entries.length === 0 && (
              <li className="file-chooser-empty">（此文件夹中没有子文件夹或 {kindsText} 文件）</li>
            )}
            {entries.map((entry, i) => (
              <li
                key={entry.path}
                id={`file-entry-${i}`}
                role="option"
                aria-selected={i === active}
                className={entry.type}
                onClick={() => {
                  setActive(i);
                  if (entry.type === 'file') setName(entry.name);
                }}
                onDoubleClick={() => take(entry)}
                data-testid="file-chooser-entry"
              >
                <span className="file-chooser-name">{entry.name}</span>
                <span className="file-chooser-size">{entry.type === 'file' ? sizeText(entry.size) : ''}</span>
                <span className="file-chooser-time">{timeText(entry.modified)}</span>
              </li>
            ))}
          </ul>
        </div>
        {problem && (
          <p className="status-error" role="alert" data-testid="file-chooser-problem">
            {problem}
          </p>
        )}
        <form
          className="file-chooser-footer"
          onSubmit={(e) => {
            e.preventDefault();
            void confirm();
          }}
        >
          <label>
            文件名
            <input
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                setReplacing(null);
              }}
              placeholder={
                request.mode === 'open'
                  ? '选择列表中的文件，或输入完整路径'
                  : request.mode === 'folder'
                    ? '留空即选当前文件夹，或输入子文件夹名、完整路径'
                    : `文件名（${kindsText}）`
              }
              data-testid="file-chooser-name"
            />
          </label>
          <span className="file-chooser-kinds">类型：{kindsText}</span>
          <button type="submit" className="primary" data-testid="file-chooser-confirm">
            {request.confirm}
          </button>
          <button type="button" onClick={() => request.answer(null)} data-testid="file-chooser-cancel">
            取消
          </button>
        </form>
      </div>
    </div>
  );
}
