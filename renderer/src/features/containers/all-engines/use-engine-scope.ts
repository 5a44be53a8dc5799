import { useCallback, useState } from 'react';

export type EngineScope = 'this' | 'all';

const KEY = 'porthole.containers.engineScope';

function readScope(): EngineScope {
  try {
    return sessionStorage.getItem(KEY) === 'all' ? 'all' : 'this';
  } catch {
    return 'this';
  }
}

/** Whether the Containers view shows the engine in use or every engine side by side; kept for the window's session. */
export function useEngineScope(): [EngineScope, (scope: EngineScope) => void] {
  const [scope, setScope] = useState<EngineScope>(readScope);
  const choose = useCallback((next: EngineScope) => {
    setScope(next);
    try {
      sessionStorage.setItem(KEY, next);
    } catch {
      // Storage refused (a locked-down browser): the choice lasts until the view closes.
    }
  }, []);
  return [scope, choose];
}
