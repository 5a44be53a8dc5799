import { useCallback, useEffect, useState } from 'react';
import { api } from '../../bridge';
import type { CompareModel, ProfileList, VmProfileInput } from '../../../../shared/api/compare';
import type { ApiError } from '../../../../shared/errors';

/**
 * Subscribes to `compare:watch` while the panel is mounted (the main side samples every ~2 s only while
 * subscribed); unmounting or switching profile unsubscribes, which stops the sampling.
 */
export function useCompareWatch(profileId: string | null): { model: CompareModel | null; error: ApiError | null } {
  const [model, setModel] = useState<CompareModel | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    if (!profileId) return;
    const unsubscribe = api.subscribe('compare:watch', { profileId }, (message) => {
      if (message.kind === 'data') {
        setModel(message.data);
        setError(null);
      } else if (message.kind === 'error') setError(message.error);
    });
    return unsubscribe;
  }, [profileId]);
  return { model, error };
}

export function useProfiles() {
  const [list, setList] = useState<ProfileList | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let live = true;
    void api.invoke('compare:profiles', {}).then((r) => {
      if (!live) return;
      if (r.ok) setList(r.data);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, []);
  const save = useCallback(async (profile: VmProfileInput): Promise<ApiError | null> => {
    const r = await api.invoke('compare:save-profile', { profile });
    if (!r.ok) return r.error;
    setList(r.data);
    return null;
  }, []);
  const remove = useCallback(async (id: string): Promise<ApiError | null> => {
    const r = await api.invoke('compare:delete-profile', { id });
    if (!r.ok) return r.error;
    setList(r.data);
    return null;
  }, []);
  return { list, error, save, remove };
}
