/**
 * The renderer's DocumentStore with a stand-in for the desktop bridge: what an edit tells the
 * views (which rows, whether the merged cells must be worked out again) and when the window is
 * asked to re-render.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CallResult, DocStatus, ZipingBridge } from '../../shared/contract';
import type { Patch } from '../../shared/model/patch';
import { generatedDocument } from '../support/documents';

type Store = import('../../renderer/src/state/documentStore').DocumentStore;
let DocumentStoreClass: typeof import('../../renderer/src/state/documentStore').DocumentStore;

/** What the stand-in server answers to the next calls (a changed status, or the same). */
let answer: (status: DocStatus) => DocStatus = (s) => s;
let served: DocStatus;

beforeAll(async () => {
  const bridge = {
    invoke: (name: string) =>
      Promise.resolve(
        (name === 'doc/apply'
          ? { ok: true, value: answer(served) }
          : { ok: true, value: null }) as CallResult<never>,
      ),
    shell: null,
    onMenuCommand: () => () => {},
  } as unknown as ZipingBridge;
  // The client reads the bridge (and the page's address) when it is first imported.
  Object.assign(globalThis, { window: { location: { search: '' }, ziping: bridge } });
  DocumentStoreClass = (await import('../../renderer/src/state/documentStore')).DocumentStore;
});

function openStore(): Store {
  const document = generatedDocument(2, 6, 'national');
  served = {
    path: '/tmp/x.ziping',
    readOnly: false,
    readOnlyNotice: null,
    dirty: true,
    meta: document.meta,
    user: '测试',
    reviewing: false,
    reviewFile: null,
    reviewNotice: null,
  };
  return new DocumentStoreClass({ status: { ...served, dirty: false }, document, review: [] });
}

function setIndicator(store: Store, field: string, value: unknown, line = 0): Patch {
  const form = store.doc.forms[0];
  const ind = form?.indicators[line];
  if (!form || !ind) throw new Error('no line');
  return { op: 'setIndicator', formId: form.id, indicatorId: ind.id, field, value } as Patch;
}

describe('what an edit touches', () => {
  it('a value or a score repaints its rows; the merged cells are left alone', () => {
    const store = openStore();
    expect(store.apply([setIndicator(store, 'actual', '1')])).toBe(true);
    const touched = store.lastTouched;
    expect(touched.levels).toBe(false);
    expect(touched.structural).toBe(false);
    const ids = touched.forms.get(store.doc.forms[0]?.id ?? '');
    expect(ids).toBeInstanceOf(Set);
    expect([...(ids as Set<string>)]).toContain(store.doc.forms[0]?.indicators[0]?.id);
  });

  it.each(['level1', 'level2'])('a new %s name makes the merged cells be worked out again', (field) => {
    const store = openStore();
    store.apply([setIndicator(store, field, '新的名称', 2)]);
    expect(store.lastTouched.levels).toBe(true);
  });

  it('inserting or deleting a row does too (and rebuilds the row list)', () => {
    const store = openStore();
    const form = store.doc.forms[0];
    const ind = form?.indicators[1];
    if (!form || !ind) throw new Error('no line');
    store.apply([{ op: 'deleteIndicator', formId: form.id, indicatorId: ind.id }]);
    expect(store.lastTouched).toMatchObject({ levels: true, structural: true });
  });
});

describe('which changes the window around the form may follow after the paint', () => {
  it('an edit in a grid that moves no rows; not the same edit elsewhere, a new row, a refusal or an answer', async () => {
    const store = openStore();
    const form = store.doc.forms[0];
    const ind = form?.indicators[1];
    if (!form || !ind) throw new Error('no line');
    expect(store.apply([setIndicator(store, 'actual', '7')], true)).toBe(true);
    expect(store.lastChangeInGrid).toBe(true);
    // The same edit from a panel beside the grid (its text boxes follow the window).
    store.apply([setIndicator(store, 'actual', '8')]);
    expect(store.lastChangeInGrid).toBe(false);
    store.apply([setIndicator(store, 'actual', '9')], true);
    // A paste that adds rows rebuilds the grid's row list with the window.
    store.apply([{ op: 'deleteIndicator', formId: form.id, indicatorId: ind.id }], true);
    expect(store.lastChangeInGrid).toBe(false);
    store.apply([setIndicator(store, 'actual', '10')], true);
    // Refused: the message shows at once.
    expect(store.apply([setIndicator(store, 'target', '字'.repeat(32_768))], true)).toBe(false);
    expect(store.message?.level).toBe('error');
    expect(store.lastChangeInGrid).toBe(false);
    // The server's answer that changes what is shown.
    store.apply([setIndicator(store, 'actual', '11')], true);
    answer = (s) => ({ ...s, readOnly: true, readOnlyNotice: '别人打开了这份文档' });
    await store.flush();
    answer = (s) => s;
    expect(store.lastChangeInGrid).toBe(false);
  });
});

describe("the server's answer to an edit", () => {
  it('re-renders the window only when it changes what is shown', async () => {
    const store = openStore();
    let emits = 0;
    store.subscribe(() => emits++);

    answer = (s) => s; // dirty, as the edit already showed
    store.apply([setIndicator(store, 'actual', '2')]);
    expect(emits).toBe(1);
    await store.flush();
    expect(emits).toBe(1);
    expect(store.status.dirty).toBe(true);

    // Every answer carries the edit's time and author: kept, not a reason to re-render.
    answer = (s) => ({
      ...s,
      meta: { ...s.meta, modifiedAt: '2026-12-06T01:00:00.000Z', modifiedBy: '别人' },
    });
    store.apply([setIndicator(store, 'actual', '2.5')]);
    await store.flush();
    expect(emits).toBe(2);
    expect(store.status.meta.modifiedAt).toBe('2026-12-06T01:00:00.000Z');

    answer = (s) => ({ ...s, readOnly: true, readOnlyNotice: '别人打开了这份文档' });
    store.apply([setIndicator(store, 'actual', '3')]);
    await store.flush();
    expect(emits).toBe(4);
    expect(store.status.readOnlyNotice).toBe('别人打开了这份文档');
  });

  it('keeps the unsaved mark while later edits are on their way', async () => {
    const store = openStore();
    answer = (s) => ({ ...s, dirty: false });
    store.apply([setIndicator(store, 'actual', '4')]);
    store.apply([setIndicator(store, 'actual', '5')]);
    await store.flush();
    // The last answer says saved-clean; the mark goes only when nothing is pending.
    expect(store.pending).toBe(0);
    expect(store.status.dirty).toBe(false);
  });
});

describe('a text too long for one Excel cell', () => {
  it('is refused before it is applied, with why, and the undo history is kept', async () => {
    const store = openStore();
    const calls: string[] = [];
    answer = (s) => (calls.push('doc/apply'), s);
    expect(store.apply([setIndicator(store, 'actual', '7')])).toBe(true);
    await store.flush();
    const before = store.doc.forms[0]?.indicators[0]?.target;
    expect(store.apply([setIndicator(store, 'target', '字'.repeat(32_768))])).toBe(false);
    expect(store.doc.forms[0]?.indicators[0]?.target).toBe(before);
    expect(store.message?.text).toMatch(/32,768 字，超过 Excel 一个单元格的上限 32,767 字.*未做/);
    await store.flush();
    expect(calls).toHaveLength(1);
    store.undo();
    expect(store.doc.forms[0]?.indicators[0]?.actual).not.toBe('7');
  });
});
