/** What every part of a form sheet writes with: its input, the cell looks, text cut into row pieces. */
import type { LayoutDef } from '../../../shared/layouts/types';
import type { Form } from '../../../shared/model/types';
import type { FormResult } from '../../../shared/scoring/types';
import { SheetWriter, type Look, type Span } from './sheet-writer';
import { LEFT } from './styles';

export interface FormSheetInput {
  form: Form;
  layout: LayoutDef;
  result: FormResult;
  draft: boolean;
}

export const LABEL_WIDTH = 12;
export const TEXT: Look = { fmt: 'text', align: LEFT };
export const LABEL: Look = { font: 'label' };
export const PLAIN_TEXT: Look = { fmt: 'text' };
export const DASH: Look = {};

/** Two parts of `count` columns, the larger first. */
export function halves(count: number): [number, number] {
  return [Math.ceil(count / 2), Math.floor(count / 2)];
}

/** Pieces of a long text for the rows of a cell spanning `span` columns (see splitForRows). */
export function pieces(w: SheetWriter, text: string, span: Span): string[] {
  return w.pieces(text, span[0], span[1]);
}
