import { useEffect, useState } from 'react';
import { api } from '../bridge';
import type { InvokeChannel } from '../../../shared/channels';
import type { InvokeInput, InvokeResult } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/errors';

/**
 * Asks `channel` once the component is mounted, and again whenever `input` changes (compared by value);
 * `null` waits. An answer that comes after unmounting, or after a newer question, is dropped.
 * `setData` lets the caller keep the value current from its own later calls.
 */
export function useInvoke<C extends InvokeChannel>(channel: C, input: InvokeInput<C> | null) {
  const [data, setData] = useState<InvokeResult<C> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const question = input === null ? null : JSON.stringify(input);
  useEffect(() => {
    if (question === null) return;
    let live = true;
    void api.invoke(channel, JSON.parse(question) as InvokeInput<C>).then((r) => {
      if (!live) return;
      if (r.ok) {
        setData(r.data);
        setError(null);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [channel, question]);
  return { data, error, setData };
}
