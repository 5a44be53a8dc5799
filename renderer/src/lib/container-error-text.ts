import type { ApiError, ErrorCode } from '../../../shared/errors';
import { describeError } from './error-text';

const VERB: Record<string, string> = {
  start: 'start',
  stop: 'stop',
  restart: 'restart',
  pause: 'pause',
  unpause: 'resume',
  kill: 'kill',
  remove: 'remove',
};

/** A failed container action in words, with what to do next. */
export function describeContainerFailure(action: string, name: string, error: { code: string; message: string }): { title: string; body: string } {
  const verb = VERB[action] ?? action;
  const title = `Could not ${verb} ${name}`;
  switch (error.code as ErrorCode) {
    case 'NOT_FOUND':
      return { title, body: `${name} no longer exists — someone else removed it (for example with docker rm). The list has been refreshed.` };
    case 'CONFLICT':
      return { title, body: `${error.message} Check its current state (it may already be stopped or paused) and try again.` };
    case 'ENGINE_UNAVAILABLE':
      return { title, body: 'The Docker Engine is not reachable. Start Docker, then try again.' };
    default:
      return { title, body: describeError(error as ApiError).body };
  }
}
