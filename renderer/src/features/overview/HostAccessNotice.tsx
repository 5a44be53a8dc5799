import { useSyncExternalStore } from 'react';
import { hostAccessProblem, onHostAccessProblem } from '../../bridge';

export const useHostAccessProblem = () => useSyncExternalStore(onHostAccessProblem, hostAccessProblem);

/**
 * The browser host refused this tab: the link, not the engine, is at fault. A copied address has no token
 * (it leaves the address bar after the first load), so say that and where the full link is.
 */
export function HostAccessNotice() {
  const problem = useHostAccessProblem();
  if (!problem) return null;
  return (
    <section className="panel panel-warning" role="alert" data-testid="host-access-problem" data-problem={problem}>
      <h2>{problem === 'missing-token' ? 'This link has no access token' : 'Porthole did not accept this link'}</h2>
      <p>
        {problem === 'missing-token'
          ? 'Porthole only answers a browser that brings the token from the link it printed. The token is taken out of the address bar after the first load, so a copied address does not carry it.'
          : 'The token in this link belongs to another run of Porthole, or the Porthole that printed it is no longer running.'}
      </p>
      <p>
        Open the full URL that <code>npm run serve</code> printed in its terminal (it ends in <code>?token=…</code>). If it is no longer running, start it again and use
        the new URL.
      </p>
    </section>
  );
}
