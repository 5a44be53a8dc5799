import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../bridge';
import { isAbsolutePath } from './build-form';

export type FolderCheck =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'ok'; message: string }
  | { state: 'problem'; message: string };

/**
 * Asks the host whether the folder exists and holds the Dockerfile, shortly after the user stops
 * typing (or at once on blur). Answers to older questions are ignored.
 */
export function useFolderCheck(folder: string, dockerfile: string, delayMs = 300): { check: FolderCheck; checkNow: () => void } {
  const [check, setCheck] = useState<FolderCheck>({ state: 'idle' });
  const asked = useRef(0);

  const run = useCallback(async (path: string, file: string) => {
    const ticket = ++asked.current;
    if (!path) return setCheck({ state: 'idle' });
    if (!isAbsolutePath(path)) return setCheck({ state: 'problem', message: 'Give the folder’s full path, e.g. /home/me/greeting-app.' });
    setCheck({ state: 'checking' });
    const r = await api.invoke('host:validate-folder', { path, dockerfile: file || 'Dockerfile' });
    if (ticket !== asked.current) return;
    if (!r.ok) setCheck({ state: 'problem', message: r.error.message });
    else if (!r.data.hasDockerfile) setCheck({ state: 'problem', message: `There is no ${file || 'Dockerfile'} in ${path}.` });
    else setCheck({ state: 'ok', message: `${file || 'Dockerfile'} found.` });
  }, []);

  useEffect(() => {
    const path = folder.trim();
    const timer = setTimeout(() => void run(path, dockerfile.trim()), path ? delayMs : 0);
    return () => clearTimeout(timer);
  }, [folder, dockerfile, delayMs, run]);

  const checkNow = useCallback(() => void run(folder.trim(), dockerfile.trim()), [folder, dockerfile, run]);
  return { check, checkNow };
}
