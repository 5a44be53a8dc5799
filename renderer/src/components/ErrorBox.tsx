import type { ApiError } from '../../../shared/errors';
import { describeError } from '../lib/error-text';

/** An ApiError in words a person understands, with the next step. */
export function ErrorBox({ error }: { error: ApiError }) {
  const { title, body } = describeError(error);
  return (
    <div className="error-box" role="alert" data-error-code={error.code}>
      <strong>{title}</strong>
      <p>{body}</p>
    </div>
  );
}
