import type { FindingLocation } from '../../../shared/checks/types';

/** A request to show a cell (a finding's, or what an undo changed); the nonce makes a repeat count. */
export interface FocusRequest {
  location: FindingLocation;
  nonce: number;
  /** Runs once the cell is shown (查找 gives the focus back to its bar). */
  after?: () => void;
}
