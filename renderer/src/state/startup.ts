/**
 * The two calls the window needs before it can show anything (what is open, who works here),
 * sent when this module is evaluated: main.tsx imports it first, so they travel while React and
 * AG Grid are still being evaluated (issue #23). The App takes their answers once.
 */
import { invoke } from '../api/client';

const requests = {
  state: invoke('app/state', {}),
  user: invoke('user/get', {}),
};

// A document is open: its grids' chunk (AG Grid) is fetched and evaluated while React starts,
// not after the first form asks for it. Without one (start panel) it is not needed at all.
// A chunk that fails to load is reported where the form asks for it (views/lazyGrids.tsx).
void requests.state.then((r) => {
  if (r.ok && r.value.document) import('../views/formGrids').catch(() => undefined);
});

export type StartupRequests = typeof requests;

/** The answers of the calls sent at start (the same promises each time). */
export function startupRequests(): StartupRequests {
  return requests;
}
