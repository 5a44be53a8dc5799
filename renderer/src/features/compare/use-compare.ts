import { useCallback, useEffect, useState } from 'react';
import { api } from '../../bridge';
import { useInvoke } from '../../lib/use-invoke';
import type { CompareModel, ProfileList, VmProfileInput } from '../../../../shared/api/compare';
import type { ApiError, Result } from '../../../../shared/errors';

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

/** The profiles, and saving or deleting one: both answer with the new list, which replaces the shown one. */
export function useProfiles() {
  const { data: list, error, setData: setList } = useInvoke('compare:profiles', {});
  const change = useCallback(
    async (call: Promise<Result<ProfileList>>): Promise<ApiError | null> => {
      const r = await call;
      if (!r.ok) return r.error;
      setList(r.data);
      return null;
    },
    [setList],
  );
  const save = useCallback((profile: VmProfileInput) => change(api.invoke('compare:save-profile', { profile })), [change]);
  const remove = useCallback((id: string) => change(api.invoke('compare:delete-profile', { id })), [change]);
  return { list, error, save, remove };
}
