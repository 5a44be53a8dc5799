import type { ApiError, ErrorCode } from '../../../shared/errors';

/** What a person should read for each error code, and what to do next. */
const NEXT_STEP: Record<ErrorCode, { title: string; next: string }> = {
  ENGINE_UNAVAILABLE: { title: 'Docker Engine not reachable', next: 'Start Docker (or set DOCKER_HOST), then try again.' },
  NOT_FOUND: { title: 'Not found', next: 'It may have been removed outside Porthole; the list has been refreshed.' },
  CONFLICT: { title: 'Conflict', next: 'Resolve what the message names, then try again.' },
  PORT_IN_USE: { title: 'Port already in use', next: 'Choose another host port.' },
  VALIDATION: { title: 'Please check the input', next: 'Correct the value the message names, then try again.' },
  BUILD_FAILED: { title: 'Build failed', next: 'Read the build output above, fix the Dockerfile or the app, and build again.' },
  CANCELLED: { title: 'Cancelled', next: 'Nothing more will happen.' },
  PERMISSION_DENIED: { title: 'Permission denied', next: 'Check that your user may use the Docker socket (e.g. the docker group).' },
  TIMEOUT: { title: 'Timed out', next: 'The engine took too long to answer; try again.' },
  APP_CRASHED: { title: 'The app stopped while starting', next: 'Read its last output above, fix the start command or the code, and deploy again. The previous version, if any, is still running.' },
  INTERNAL: { title: 'Something went wrong', next: 'Try again; if it keeps happening, the message above says what the engine reported.' },
  NETWORK: { title: 'Registry not reachable', next: 'Check the registry address, your network connection and any proxy, then try again.' },
  UNAUTHORIZED: { title: 'Sign-in needed or refused', next: 'Sign in to this registry (Registries), check the user name and password or token, and that you may use this repository.' },
};

export function errorTitle(error: ApiError): string {
  return NEXT_STEP[error.code]?.title ?? 'Error';
}

export function errorNextStep(error: ApiError): string {
  return NEXT_STEP[error.code]?.next ?? '';
}

export function describeError(error: ApiError): { title: string; body: string } {
  return { title: errorTitle(error), body: `${error.message} ${errorNextStep(error)}`.trim() };
}
