/**
 * Real file systems that refuse writes: small tmpfs mounts (the tests run as root on CI and developer
 * machines). Saving onto a full disk and editing with a full data folder both give 'disk-full',
 * and nothing the user had is lost.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentSession } from '../../electron/services/document-store';
import { SAMPLE_PATH } from '../../scripts/build-sample';
import { fill, mountSmallDisk } from '../support/small-disk';

let dir: string;
const mounts: Array<() => void> = [];

function smallDisk(name: string, size: string): string {
  const { mnt, unmount } = mountSmallDisk(dir, name, size);
  mounts.push(unmount);
  return mnt;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ziping-full-'));
});
afterAll(() => {
  for (const unmount of mounts.reverse()) unmount();
  rmSync(dir, { recursive: true, force: true });
});

describe('disk full', () => {
  it('saving onto a full disk fails as disk-full, leaves nothing there, and loses nothing', () => {
    const disk = smallDisk('usb', '256k');
    const doc = join(dir, '示例.ziping');
    copyFileSync(SAMPLE_PATH, doc);
    const opened = DocumentSession.open(doc, { dataDir: join(dir, 'data') });
    if (!opened.ok) throw new Error(opened.error.message);
    const s = opened.value;
    const form = s.document.forms[1];
    const ind = form?.indicators[0];
    if (!form || !ind) throw new Error('sample has no line');
    const edit = s.apply([
      { op: 'setIndicator', formId: form.id, indicatorId: ind.id, field: 'actual', value: '88%' },
    ]);
    expect(edit.ok ? '' : edit.error.message).toBe('');

    const r = s.saveAs(join(disk, '副本.ziping'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('disk-full');
    expect(r.error.message).toMatch(/^磁盘已满：保存位置“.*usb”所在的磁盘.*请/);
    expect(readdirSync(disk)).toEqual([]);
    expect(s.dirty).toBe(true);
    expect(s.path).toBe(doc);

    // The edit is still there and saves where there is room.
    expect(s.save().ok).toBe(true);
    s.close();
    const back = DocumentSession.open(doc, { dataDir: join(dir, 'data') });
    if (!back.ok) throw new Error(back.error.message);
    expect(back.value.document.forms[1]?.indicators[0]?.actual).toBe('88%');
    back.value.close();
  });

  it('an edit with a full data folder fails as disk-full and the document stays as it was', () => {
    const data = smallDisk('datadisk', '2m');
    const doc = join(dir, '小文档.ziping');
    const made = DocumentSession.create(
      doc,
      { unit: '单位', year: 2024, layout: 'shanxi' },
      { dataDir: data },
    );
    if (!made.ok) throw new Error(made.error.message);
    const s = made.value;
    expect(s.apply([{ op: 'setMeta', field: 'unit', value: '晋城市生态环境局' }]).ok).toBe(true);
    fill(data);
    let failed: ReturnType<DocumentSession['apply']> | null = null;
    // WAL pages are preallocated: keep editing until the disk refuses.
    for (let i = 0; i < 2000 && !failed; i++) {
      const r = s.apply([{ op: 'setMeta', field: 'unit', value: `单位${'很长的名称'.repeat(200)}${i}` }]);
      if (!r.ok) failed = r;
    }
    expect(failed?.ok).toBe(false);
    if (!failed || failed.ok) return;
    expect(failed.error.code).toBe('disk-full');
    const unitBefore = s.document.meta.unit;
    expect(unitBefore).not.toContain(`${'很长的名称'.repeat(200)}${1999}`);

    // Room again: editing and saving go on, and nothing acknowledged was lost.
    for (const f of readdirSync(data))
      if (f.startsWith('filler-') || f.startsWith('small-')) rmSync(join(data, f));
    expect(s.apply([{ op: 'setMeta', field: 'unit', value: '晋城市生态环境局' }]).ok).toBe(true);
    expect(s.save().ok).toBe(true);
    s.close();
  });

  it('a document on read-only media opens read-only, and save as rescues edits elsewhere', () => {
    const media = smallDisk('cdrom', '2m');
    copyFileSync(SAMPLE_PATH, join(media, '示例.ziping'));
    execFileSync('mount', ['-o', 'remount,ro', media]);
    const opened = DocumentSession.open(join(media, '示例.ziping'), { dataDir: join(dir, 'data') });
    if (!opened.ok) throw new Error(opened.error.message);
    const s = opened.value;
    expect(s.readOnlyReason).toBe('read-only-media');
    expect(s.readOnlyNotice()).toContain('只读');
    expect(readdirSync(media)).toEqual(['示例.ziping']);
    const edit = s.apply([{ op: 'setMeta', field: 'unit', value: '改' }]);
    expect(edit.ok ? '' : edit.error.code).toBe('read-only');
    expect(s.saveAs(join(dir, '另存.ziping')).ok).toBe(true);
    expect(s.readOnly).toBe(false);
    s.close();
  });
});
