/**
 * The form's grids from their own chunk (views/formGrids.ts). Until it is there (a moment after
 * the window's own JavaScript), each grid's place says so; if it cannot be loaded (a damaged
 * installation), the place says that and the rest of the window — saving included — still works.
 */
import { Component, lazy, Suspense, type ComponentProps, type JSX, type ReactNode } from 'react';
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

class LoadFailure extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <p className="view-loading" role="alert" data-testid="grid-load-failed">
        表格组件载入失败：请关闭后重新打开本软件；仍然如此，请重新安装自评表编辑器。已填写的内容不受影响。
      </p>
    );
  }
}

export function FundsTable(props: ComponentProps<typeof Funds>): JSX.Element {
  return (
    <LoadFailure>
      <Suspense fallback={<Loading />}>
        <LoadedFunds {...props} />
      </Suspense>
    </LoadFailure>
  );
}

export function IndicatorTable(props: ComponentProps<typeof Indicators>): JSX.Element {
  return (
    <LoadFailure>
      <Suspense fallback={<Loading />}>
        <LoadedIndicators {...props} />
      </Suspense>
    </LoadFailure>
  );
}
