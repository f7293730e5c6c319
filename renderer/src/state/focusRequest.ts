import type { Finding } from '../../../shared/checks/types';

/** A request to show a finding's cell; the nonce makes a repeated click count again. */
export interface FocusRequest {
  finding: Finding;
  nonce: number;
}
