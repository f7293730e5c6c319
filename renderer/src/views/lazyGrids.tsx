/**
 * The form's grids from their own chunk (views/formGrids.ts). Until it is there (a moment after
 * the window's own JavaScript), each grid's place says so.
 */
import { lazy, Suspense, type ComponentProps, type JSX } from 'react';
import type { FundsTable as Funds, IndicatorTable as Indicators } from './formGrids';

const loadGrids = () => import('./formGrids');

const LoadedFunds = lazy(async () => ({ default: (await loadGrids()).FundsTable }));
const LoadedIndicators = lazy(async () => ({ default: (await loadGrids()).IndicatorTable }));

function Loading(): JSX.Element {
  return (
    <p className="view-loading" role="status">
      正在载入表格…
    </p>
  );
}

export function FundsTable(props: ComponentProps<typeof Funds>): JSX.Element {
  return (
    <Suspense fallback={<Loading />}>
      <LoadedFunds {...props} />
    </Suspense>
  );
}

export function IndicatorTable(props: ComponentProps<typeof Indicators>): JSX.Element {
  return (
    <Suspense fallback={<Loading />}>
      <LoadedIndicators {...props} />
    </Suspense>
  );
}
