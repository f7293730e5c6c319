/** The open document: toolbar, sidebar of forms, the selected form, its checks and the status bar. */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { FindingLocation } from '../../../shared/checks/types';
import { appCommandOf, textBoxKeepsUndo } from '../state/appKeys';
import { saveToChosenPlace } from '../state/fileNames';
import type { DocumentStore } from '../state/documentStore';
import type { FocusRequest } from '../state/focusRequest';
import { PendingEdits } from '../state/pendingEdits';
import { ReviewUi } from '../state/reviewUi';
import { Dialogs } from '../state/dialogs';
import { sheetHost } from '../sheet/useSheet';
import { DialogHost } from './DialogHost';
import { ExportProgressDialog } from './ExportProgressDialog';
import { useWindowVersion } from '../state/useDocument';
import { ChecksPanel } from './ChecksPanel';
import { ReviewPanel } from './ReviewPanel';
import { ReviewNewsPanel } from './ReviewNewsPanel';
import { EditorContext, type EditorServices } from './EditorContext';
import { FormView } from './FormView';
import { Sidebar } from './Sidebar';
import { StatusBar } from './StatusBar';
import { Toolbar, type ToolbarPopover } from './Toolbar';
import { useExchange } from './useExchange';
import { useDocumentTools } from './useDocumentTools';
import { TOGGLE_CHECKS, useMenuCommands } from './useMenuCommands';
import { PrintDialog } from './PrintDialog';
import { FindBar, type FindMode } from './FindBar';
import type { CellRef } from '../../../shared/history/cells';
import { useCellHistoryRequests } from '../state/historyRequest';
import { CompareView, HistoryPanel, SummaryView } from './lazyViews';
import { useViewSettings, viewSettings } from '../state/viewSettings';
import { PanelDrawer, SidebarDrawer } from './Drawers';
import { ZoomControl } from './ZoomControl';
import { useZoomWheel } from './useZoomWheel';

interface Props {
  store: DocumentStore;
  onClosed: () => void;
}

function firstFormId(store: DocumentStore): string | null {
  const forms = store.doc.forms;
  return (forms.find((f) => f.kind === 'department') ?? forms[0])?.id ?? null;
}

export function Editor({ store, onClosed }: Props) {
  useWindowVersion(store);
  const [selected, setSelected] = useState<string | null>(() => firstFormId(store));
  const [summaryOpen, setSummaryOpen] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  // The line detail is shown under the form's scroll area (never over the table).
  const [detailSlot, setDetailSlot] = useState<HTMLDivElement | null>(null);
  const nonce = useRef(0);
  const services = useMemo<EditorServices>(() => {
    const dialogs = new Dialogs();
    return {
      store,
      pendingEdits: new PendingEdits(),
      dialogs,
      sheetHost: sheetHost(store, dialogs),
      reviewUi: new ReviewUi(store.status.reviewing, store.review.count > 0),
    };
  }, [store]);

  // The other forms are scored once the first one is painted, in idle time (sidebar: … till then).
  useEffect(() => {
    store.scoring.start();
    return () => store.scoring.stop();
  }, [store]);

  const form = selected ? store.form(selected) : undefined;
  useEffect(() => {
    // The selected form was deleted (or there was none yet): show the first one.
    if (!form && store.doc.forms.length > 0) setSelected(firstFormId(store));
  }, [form, store, store.version]);

  const save = useCallback(async () => {
    await services.pendingEdits.commitAll();
    await store.flush();
    // Read-only: only review edits can be saved (into the review file); none means nothing to do.
    if (store.readOnly && !store.status.dirty) {
      store.setMessage('没有需要保存的批注或审核意见');
      return true;
    }
    if (store.status.path !== null) return store.save();
    return saveToChosenPlace(store, services.pendingEdits);
  }, [services, store]);

  /** A form chosen anywhere (list, 汇总, a finding) is shown in place of the 汇总. */
  const openForm = useCallback((formId: string) => {
    setSummaryOpen(false);
    setSelected(formId);
  }, []);
  const openSummary = useCallback(() => setSummaryOpen(true), []);

  const showPlace = useCallback(
    (location: FindingLocation | null, after?: () => void) => {
      if (!location) return;
      openForm(location.formId);
      setFocus({ location, nonce: ++nonce.current, ...(after ? { after } : {}) });
    },
    [openForm],
  );

  const undo = useCallback(async () => {
    await services.pendingEdits.commitAll();
    await store.flush();
    showPlace(store.undo());
  }, [services, store, showPlace]);

  const redo = useCallback(async () => {
    await services.pendingEdits.commitAll();
    await store.flush();
    showPlace(store.redo());
  }, [services, store, showPlace]);

  // 修改记录 (the whole form, or one cell from a grid's context menu) and 比较.
  const [history, setHistory] = useState<{ cell: CellRef | null } | null>(null);
  const [comparing, setComparing] = useState(false);
  const showCellHistory = useCallback((cell: CellRef) => {
    if (cell.section !== 'meta') setSelected(cell.formId);
    setHistory({ cell });
  }, []);
  useCellHistoryRequests(showCellHistory);
  const historyCell =
    history?.cell && history.cell.section !== 'meta' && history.cell.formId === form?.id
      ? history.cell
      : null;

  /** Ctrl+PageUp/PageDown: what is being typed is committed, then the neighbour form is shown. */
  const switchForm = useCallback(
    async (step: 1 | -1) => {
      await services.pendingEdits.commitAll();
      const forms = store.doc.forms;
      const at = forms.findIndex((f) => f.id === form?.id);
      const next = forms[Math.min(forms.length - 1, Math.max(0, at + step))];
      if (next && next.id !== form?.id) setSelected(next.id);
    },
    [services, store, form],
  );

  const { zoom } = useViewSettings();
  const formScroll = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    viewSettings.onError = (message) => store.setMessage(message, 'error');
    void viewSettings.load();
  }, [store]);
  useZoomWheel(formScroll);
  const reviewShown =
    useSyncExternalStore(services.reviewUi.subscribe, () => services.reviewUi.get().panelOpen) &&
    !!form &&
    !summaryOpen;

  const exchange = useExchange(services, form?.id ?? null, showPlace);
  const tools = useDocumentTools(services, (paths) => exchange.importFrom(paths, 'targets'));
  const [popover, setPopover] = useState<ToolbarPopover>('none');
  // 查找 / 替换: the bar's mode, and a count of Ctrl+F / Ctrl+H presses (each focuses its box).
  const [find, setFind] = useState<{ mode: FindMode; request: number } | null>(null);
  const openFind = useCallback(
    (mode: FindMode) => setFind((f) => ({ mode, request: (f?.request ?? 0) + 1 })),
    [],
  );
  useMenuCommands(services, { save, undo, redo, exchange, tools, find: () => openFind('find') });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const command = appCommandOf(e);
      // Read-only: save and undo still serve the review edits (comments, audit scores, statuses).
      if (!command) return;
      if ((command === 'undo' || command === 'redo') && textBoxKeepsUndo(e.target)) return;
      e.preventDefault();
      e.stopPropagation();
      if (command === 'find' || command === 'replace') openFind(command);
      else if (command === 'toggleChecks') window.dispatchEvent(new Event(TOGGLE_CHECKS));
      else if (command === 'previousForm' || command === 'nextForm')
        void switchForm(command === 'nextForm' ? 1 : -1);
      else if (command === 'print') {
        // What is being typed is committed first, so that it is printed.
        if (store.doc.forms.length > 0) void services.pendingEdits.commitAll().then(() => setPrinting(true));
      } else if (command === 'save') void save();
      else if (command === 'undo') void undo();
      else void redo();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [save, undo, redo, switchForm, store, services, openFind]);

  return (
    <EditorContext.Provider value={services}>
      <div className="editor">
        <Toolbar
          store={store}
          onSave={save}
          onUndo={undo}
          onRedo={redo}
          onClosed={onClosed}
          currentFormId={form?.id ?? null}
          exchange={exchange}
          tools={tools}
          popover={popover}
          setPopover={setPopover}
          onHistory={() => setHistory(history ? null : { cell: null })}
          onCompare={() => setComparing(true)}
        />
        {store.status.readOnly && !(store.status.reviewing && reviewShown) && (
          // A reviewer with the review panel open reads this notice at the panel's top (the
          // table keeps the line: issue #19, room on a laptop screen).
          <div className="readonly-notice" role="status" data-testid="readonly-notice">
            {store.status.readOnlyNotice ?? '文档以只读方式打开，不能修改'}
          </div>
        )}
        {store.status.reviewNotice && (
          <div className="readonly-notice" role="alert" data-testid="review-notice">
            {store.status.reviewNotice}
          </div>
        )}
        <ReviewNewsPanel store={store} onPick={showPlace} />
        <div className="editor-body">
          <SidebarDrawer reviewOpen={reviewShown} onSummary={openSummary} onStep={(s) => void switchForm(s)}>
            <Sidebar
              store={store}
              selectedId={summaryOpen ? null : (form?.id ?? null)}
              onSelect={openForm}
              summaryOpen={summaryOpen}
              onSummary={openSummary}
            />
          </SidebarDrawer>
          <div className="editor-main">
            {find && (
              <FindBar
                store={store}
                mode={find.mode}
                request={find.request}
                onMode={openFind}
                onClose={() => setFind(null)}
                onShow={showPlace}
              />
            )}
            <div className="form-scroll" data-testid="form-scroll" ref={formScroll}>
              <div className="form-zoom" style={{ zoom: zoom / 100 }} data-testid="form-zoom">
                {summaryOpen ? (
                  <SummaryView store={store} onOpen={openForm} />
                ) : form ? (
                  <FormView
                    form={form}
                    focus={focus?.location.formId === form.id ? focus : null}
                    detailSlot={detailSlot}
                  />
                ) : (
                  <div className="empty-forms">
                    文档中还没有表格：请在左侧点“＋ 项目表”或“＋ 部门整体表”新增。
                  </div>
                )}
              </div>
            </div>
            <div className="line-detail-slot" ref={setDetailSlot} />
            {form && history && !summaryOpen && (
              <PanelDrawer panel="history">
                <HistoryPanel
                  store={store}
                  form={form}
                  cell={historyCell}
                  onShowForm={() => setHistory({ cell: null })}
                  onClose={() => setHistory(null)}
                />
              </PanelDrawer>
            )}
            {form && !summaryOpen && <ChecksPanel store={store} form={form} onPick={showPlace} />}
          </div>
          {reviewShown && form && (
            <PanelDrawer panel="review">
              <ReviewPanel store={store} form={form} onPick={showPlace} />
            </PanelDrawer>
          )}
        </div>
        <StatusBar store={store} extra={<ZoomControl />} />
        {comparing && <CompareView store={store} onClose={() => setComparing(false)} />}
        {printing && (
          <PrintDialog
            store={store}
            currentFormId={summaryOpen ? null : (form?.id ?? null)}
            onClose={() => setPrinting(false)}
          />
        )}
        <DialogHost dialogs={services.dialogs} />
        <ExportProgressDialog watch={exchange.exportWatch} />
      </div>
    </EditorContext.Provider>
  );
}
