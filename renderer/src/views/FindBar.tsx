/**
 * 查找 / 替换 (Ctrl+F / Ctrl+H) across every form of the document, as a small bar like WPS's:
 * Enter and Shift+Enter go to the next and previous occurrence, shown in its form and cell (the
 * checks' focus request) while the typing stays in the bar; 替换 replaces the current one, 全部替换
 * every one as one undo step. The search itself is shared/search (tested in-process).
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { FindingLocation } from '../../../shared/checks/types';
import {
  findMatches,
  matchCountText,
  occurrences,
  replaceAll,
  replaceMatch,
  stepMatch,
} from '../../../shared/search/find-replace';
import { documentTextCells } from '../../../shared/search/text-cells';
import type { DocumentStore } from '../state/documentStore';

export type FindMode = 'find' | 'replace';

interface Props {
  store: DocumentStore;
  mode: FindMode;
  /** Bumped by every Ctrl+F / Ctrl+H: the query box takes the focus again. */
  request: number;
  onMode: (mode: FindMode) => void;
  onClose: () => void;
  /** Shows a cell; `after` runs once it is shown (to give the focus back to the bar). */
  onShow: (location: FindingLocation, after: () => void) => void;
}

const READ_ONLY_NOTE = '处在只读的单元格中（只读文档或审核模式），未替换';

export function FindBar({ store, mode, request, onMode, onClose, onShow }: Props) {
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [matchCase, setMatchCase] = useState(false);
  const [current, setCurrent] = useState(-1);
  // A match to show once the list of matches is up to date (after a replacement re-renders).
  const [jump, setJump] = useState<{ index: number; nonce: number } | null>(null);
  const queryBox = useRef<HTMLInputElement | null>(null);
  const version = store.version;
  const cells = useMemo(
    () => (query === '' ? [] : documentTextCells(store.doc)),
    // The document is changed in place; its version says when.
    [store, version, query === ''],
  );
  const options = useMemo(() => ({ matchCase }), [matchCase]);
  const matches = useMemo(() => findMatches(cells, query, options), [cells, query, options]);
  const at = current < matches.length ? current : -1;

  useEffect(() => {
    queryBox.current?.focus();
    queryBox.current?.select();
  }, [request]);

  useEffect(() => {
    if (!jump) return;
    const m = matches[jump.index];
    const cell = m ? cells[m.cell] : undefined;
    if (!cell) return;
    onShow(cell.location, () => queryBox.current?.focus());
    // Only a new jump shows a cell; matches changing under it (typing elsewhere) do not.
  }, [jump]);

  const goTo = (index: number) => {
    setCurrent(index);
    if (index >= 0) setJump((j) => ({ index, nonce: (j?.nonce ?? 0) + 1 }));
  };
  const step = (direction: 1 | -1) => goTo(stepMatch(at, matches.length, direction));

  const replaceOne = () => {
    const m = matches[at];
    if (!m) return step(1);
    if (store.readOnly) return store.setMessage(`此处${READ_ONLY_NOTE}`, 'error');
    const patches = replaceMatch(cells, m, replacement);
    if (!patches || !store.apply(patches)) return;
    // The next occurrence takes this one's number, past any the replacement itself holds.
    const inside = occurrences(replacement, query, options);
    const remaining = matches.length - 1 + inside;
    goTo(remaining === 0 ? -1 : (at + inside) % remaining);
  };

  const replaceEvery = () => {
    const r = replaceAll(cells, query, replacement, options, () => !store.readOnly);
    if (r.patches.length > 0 && !store.apply(r.patches)) return;
    const skipped = r.skipped > 0 ? `${r.replaced > 0 ? '；' : ''}${r.skipped} ${READ_ONLY_NOTE}` : '';
    const done = r.replaced > 0 ? `已替换 ${r.replaced} 处（Ctrl+Z 可一次撤销）` : '';
    store.setMessage(done + skipped || `找不到“${query}”`, r.skipped > 0 ? 'error' : 'info');
    setCurrent(-1);
  };

  const onQueryKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    e.preventDefault();
    step(e.shiftKey ? -1 : 1);
  };
  const onReplaceKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    e.preventDefault();
    replaceOne();
  };

  const shown = matches[at];
  const where = shown ? store.form(cells[shown.cell]?.location.formId ?? '')?.projectName : undefined;
  return (
    <div
      className="find-bar"
      role="search"
      aria-label={mode === 'find' ? '查找' : '查找和替换'}
      data-testid="find-bar"
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || e.nativeEvent.isComposing) return;
        e.preventDefault();
        e.stopPropagation();
        onClose();
      }}
    >
      <div className="find-row">
        <input
          ref={queryBox}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setCurrent(-1);
          }}
          onKeyDown={onQueryKey}
          placeholder="在全部表中查找"
          aria-label="查找内容"
          data-testid="find-query"
        />
        <span className="find-count" aria-live="polite" data-testid="find-count">
          {matchCountText(at, matches.length, query)}
        </span>
        <button type="button" onClick={() => step(-1)} title="上一处（Shift+Enter）" data-testid="find-prev">
          ↑
        </button>
        <button type="button" onClick={() => step(1)} title="下一处（Enter）" data-testid="find-next">
          ↓
        </button>
        <label className="find-case">
          <input type="checkbox" checked={matchCase} onChange={(e) => setMatchCase(e.target.checked)} />
          区分大小写
        </label>
        <button
          type="button"
          className="link-button"
          aria-pressed={mode === 'replace'}
          onClick={() => onMode(mode === 'find' ? 'replace' : 'find')}
          title="Ctrl+H"
          data-testid="find-toggle-replace"
        >
          替换…
        </button>
        <button type="button" className="link-button" onClick={onClose} title="Esc" data-testid="find-close">
          关闭
        </button>
      </div>
      {mode === 'replace' && (
        <div className="find-row">
          <input
            value={replacement}
            onChange={(e) => setReplacement(e.target.value)}
            onKeyDown={onReplaceKey}
            placeholder="替换为"
            aria-label="替换为"
            data-testid="find-replacement"
          />
          <button type="button" onClick={replaceOne} disabled={query === ''} data-testid="find-replace-one">
            替换
          </button>
          <button type="button" onClick={replaceEvery} disabled={query === ''} data-testid="find-replace-all">
            全部替换
          </button>
        </div>
      )}
      {where !== undefined && <div className="find-where">{where || '（未命名）'}</div>}
    </div>
  );
}
