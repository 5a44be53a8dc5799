import type { ApiError } from '../../../shared/errors';
import { errorNextStep, errorTitle } from '../lib/error-text';

/** An ApiError in words a person understands: what happened (the engine's words), then the next step. */
export function ErrorBox({ error }: { error: ApiError }) {
  const next = errorNextStep(error);
  return (
    <div className="error-box" role="alert" data-error-code={error.code}>
      <strong>{errorTitle(error)}</strong>
      <p>{error.message}</p>
      {next && <p className="error-next">{next}</p>}
    </div>
  );
}
