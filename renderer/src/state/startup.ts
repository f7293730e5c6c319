/**
 * The two calls the window needs before it can show anything (what is open, who works here),
 * sent when this module is evaluated: main.tsx imports it first, so they travel while React is
 * still being evaluated (issue #23). The App takes their answers once. AG Grid's chunk is asked
 * for after the first form is painted (views/lazyGrids.tsx).
 */
import { invoke } from '../api/client';

const requests = {
  state: invoke('app/state', {}),
  user: invoke('user/get', {}),
};

export type StartupRequests = typeof requests;

/** The answers of the calls sent at start (the same promises each time). */
export function startupRequests(): StartupRequests {
  return requests;
}
