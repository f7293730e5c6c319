/** Why a session is read-only, and the Chinese notice the window shows for it. */
import path from 'node:path';
import { describeOwner, type OwnerInfo } from './owner-lock';

export type ReadOnlyReason =
  'requested' | 'review' | 'locked' | 'no-permission' | 'read-only-media' | 'disk-full';

/**
 * A Chinese line for the read-only notice, or null when the document is editable. `lockedBy` is who
 * holds a document in use; `reviewFile` where a reviewer's data is saved.
 */
export function readOnlyNotice(
  reason: ReadOnlyReason | null,
  lockedBy: OwnerInfo | null,
  reviewFile: string | null,
): string | null {
  switch (reason) {
    case null:
      return null;
    case 'locked':
      return `该文档正由 ${lockedBy ? describeOwner(lockedBy) : '其他用户'} 打开，现以只读方式打开；可以“另存为”保存副本`;
    case 'no-permission':
      return '没有修改该文件的权限（或文件设为只读），现以只读方式打开；可以“另存为”保存到其他位置';
    case 'read-only-media':
      return '该文件位于只读位置（如光盘或写保护的U盘），现以只读方式打开；可以“另存为”保存到其他位置';
    case 'disk-full':
      return '文档所在的磁盘已满，无法记下谁在编辑它，现以只读方式打开；请在该磁盘上腾出空间后重新打开，或“另存为”保存到其他位置';
    case 'requested':
      return '以只读方式打开';
    case 'review':
      return `审核模式：作者填写的内容不能修改；批注、核查分数和审核状态保存到审核文件“${path.basename(reviewFile ?? '')}”`;
  }
}
