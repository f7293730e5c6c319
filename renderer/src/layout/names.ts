/** Chinese names of layouts, kinds and other labels of the UI. */
import { getLayout } from '../../../shared/layouts/definitions';
import { LAYOUT_IDS, type FormKind, type LayoutId } from '../../../shared/model/types';

export const LAYOUT_CHOICES: { id: LayoutId; name: string }[] = LAYOUT_IDS.map((id) => ({
  id,
  name: getLayout(id).name,
}));

export const KIND_NAMES: Record<FormKind, string> = { department: '部门整体', project: '项目' };
