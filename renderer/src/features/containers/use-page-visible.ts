import { useSyncExternalStore } from 'react';

const subscribe = (onChange: () => void) => {
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
};

/** False while the window is hidden or minimised: live streams close then, and reopen when it shows again. */
export const usePageVisible = (): boolean => useSyncExternalStore(subscribe, () => document.visibilityState !== 'hidden');
