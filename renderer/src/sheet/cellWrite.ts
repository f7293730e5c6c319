/** A cell a paste, fill or clear writes (no DOM here: the edit modules and their tests use it). */
import type { Patch } from '../../../shared/model/patch';

/** One cell to write: display row, column id and the text (as typed or pasted). */
export interface CellWrite {
  row: number;
  colId: string;
  text: string;
}

export type WriteOutcome = { ok: true; patches: Patch[] } | { ok: false; message: string };
