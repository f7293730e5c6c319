/** The indicator library's data: what the store keeps and what crosses to the renderer. */
export type LibraryOrigin = 'starter' | 'document' | 'imported';

export interface LibraryEntry {
  name: string;
  level1: string;
  level2: string;
  /** The usual target as typed (≥95%, 100%, 10月底前 …). */
  target: string;
  /** The usual 评分标准. */
  ruleText: string;
  origin: LibraryOrigin;
  /** How many lines of the user's documents carried it (starter entries: 0). */
  uses: number;
}

export interface IndicatorLibrary {
  version: 1;
  entries: LibraryEntry[];
}
