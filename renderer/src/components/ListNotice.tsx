import type { ApiError } from '../../../shared/errors';
import { ErrorBox } from './ErrorBox';

/** What a list view shows before or instead of its rows: the last error, and "Loading…" or "Waiting for the engine…" until the first answer. */
export function ListNotice({ what, loaded, error, connected }: { what: string; loaded: boolean; error: ApiError | null; connected: boolean }) {
  return (
    <>
      {error && <ErrorBox error={error} />}
      {!loaded && <p className="muted">{connected ? `Loading ${what}…` : 'Waiting for the Docker Engine…'}</p>}
    </>
  );
}
