import { useEffect, useState } from 'react';
import type { FileEntry, FileListing } from '../../../../../shared/api/files';
import type { ApiError, Result } from '../../../../../shared/errors';
import { api } from '../../../bridge';

const PAGE = 500;

interface FolderState {
  key: string;
  entries: FileEntry[];
  nextAfter: string | null;
  loading: boolean;
  error: ApiError | null;
}

const fetchPage = (containerId: string, path: string, after: string | null) => api.invoke('files:list', { containerId, path, limit: PAGE, ...(after ? { after } : {}) });

const applied = (s: FolderState, key: string, result: Result<FileListing>, append: boolean): FolderState => {
  if (!result.ok) return { key, entries: append ? s.entries : [], nextAfter: null, loading: false, error: result.error };
  return { key, entries: append ? [...s.entries, ...result.data.entries] : result.data.entries, nextAfter: result.data.nextAfter, loading: false, error: null };
};

/** One folder's listing, a page at a time; `reload` after an upload or a save. */
export function useFolder(containerId: string, path: string) {
  const key = `${containerId}|${path}`;
  const [reloads, setReloads] = useState(0);
  const [state, setState] = useState<FolderState>({ key, entries: [], nextAfter: null, loading: true, error: null });

  useEffect(() => {
    let live = true;
    void fetchPage(containerId, path, null).then((result) => {
      if (live) setState((s) => applied(s, key, result, false));
    });
    return () => {
      live = false;
    };
  }, [containerId, path, key, reloads]);

  const current = state.key === key ? state : { key, entries: [], nextAfter: null, loading: true, error: null };
  return {
    ...current,
    more: () => {
      if (!current.nextAfter) return;
      setState((s) => ({ ...s, loading: true }));
      void fetchPage(containerId, path, current.nextAfter).then((result) => setState((s) => (s.key === key ? applied(s, key, result, true) : s)));
    },
    reload: () => {
      setState((s) => ({ ...s, loading: true }));
      setReloads((n) => n + 1);
    },
  };
}
