/**
 * Last line of defence for a long-running host (`porthole serve`): an error nobody caught — a stray
 * socket error, a rejected promise in a handler — is logged and the process keeps serving. The
 * per-request and per-message guards should catch everything first; this only keeps a miss from
 * taking every user's session down with it.
 */
export function guardProcess(log: (message: string) => void): () => void {
  const onError = (kind: string) => (error: unknown) => {
    log(`porthole: ${kind} (kept running): ${String((error as Error)?.stack ?? error)}`);
  };
  const uncaught = onError('uncaught exception');
  const unhandled = onError('unhandled rejection');
  process.on('uncaughtException', uncaught);
  process.on('unhandledRejection', unhandled);
  return () => {
    process.off('uncaughtException', uncaught);
    process.off('unhandledRejection', unhandled);
  };
}
