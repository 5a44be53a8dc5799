/**
 * Every channel name, in one place and free of zod, so the sandboxed preload can hold the
 * allowlist without bundling the schemas. `api/schemas.ts` must give each name a schema
 * (checked at compile time).
 */
export const INVOKE_CHANNELS = [
  'engine:info',
  'engine:status',
  'engine-setup:report',
  'engines:list',
  'engines:switch',
  'engines:trust-host-key',
  'engines:set-start-with',
  'engines:create-context',
  'engines:remove-context',
  'engines:use-context',
  'engine-setup:start-on-launch',
  'swarm:status',
  'swarm:init',
  'swarm:services',
  'swarm:tasks',
  'swarm:nodes',
  'swarm:create',
  'swarm:scale',
  'swarm:rollback',
  'swarm:remove',
  'kubernetes:manifest',
  'kubernetes:validate',
  'kubernetes:contexts',
  'kubernetes:delete',
  'containers:list',
  'containers:inspect',
  'containers:action',
  'containers:remove',
  'containers:remove-preview',
  'containers:stop-timeouts',
  'containers:run',
  'containers:all-engines',
  'images:list',
  'images:inspect',
  'images:remove',
  'host:capabilities',
  'host:free-port',
  'host:open-external',
  'host:pick-folder',
  'host:validate-folder',
  'deploy:plan',
  'deploy:history',
  'deploy:save-files',
  'images:tag',
  'images:history',
  'registry:list',
  'registry:storage',
  'registry:sign-in',
  'registry:sign-out',
  'registry:search',
  'volumes:list',
  'volumes:inspect',
  'volumes:create',
  'volumes:remove',
  'volumes:sizes',
  'volumes:browse',
  'volumes:download',
  'networks:list',
  'networks:create',
  'networks:remove',
  'networks:connect',
  'networks:disconnect',
  'system:disk-usage',
  'system:prune-preview',
  'system:prune',
  'compare:profiles',
  'compare:save-profile',
  'compare:delete-profile',
  'compare:vm-setup',
  'compare:vm-results',
  'compose:projects',
  'compose:binary',
  'compose:open',
  'compose:down-preview',
  'streams:send',
  'files:list',
  'files:read',
  'files:save',
  'files:download',
  'files:upload',
] as const;

export const STREAM_CHANNELS = [
  'engine-setup:start',
  'swarm:update',
  'swarm:logs',
  'kubernetes:apply',
  'images:build',
  'containers:logs',
  'containers:stats',
  'containers:all-engines-events',
  'images:pull',
  'images:push',
  'compare:watch',
  'compare:measure-vm',
  'deploy:run',
  'compose:run',
  'compose:logs',
  'terminal:session',
] as const;

export const PUSH_CHANNELS = ['engine:status', 'engine:event', 'ui:navigate'] as const;

export type InvokeChannel = (typeof INVOKE_CHANNELS)[number];
export type StreamChannel = (typeof STREAM_CHANNELS)[number];
export type PushChannel = (typeof PUSH_CHANNELS)[number];

export const isInvokeChannel = (c: unknown): c is InvokeChannel =>
  typeof c === 'string' && (INVOKE_CHANNELS as readonly string[]).includes(c);
export const isStreamChannel = (c: unknown): c is StreamChannel =>
  typeof c === 'string' && (STREAM_CHANNELS as readonly string[]).includes(c);
export const isPushChannel = (c: unknown): c is PushChannel =>
  typeof c === 'string' && (PUSH_CHANNELS as readonly string[]).includes(c);

/** Electron IPC channel names used by the preload and the IPC transport. */
export const IPC = {
  invoke: 'porthole:invoke',
  subscribe: 'porthole:subscribe',
  unsubscribe: 'porthole:unsubscribe',
  stream: 'porthole:stream',
  push: 'porthole:push',
} as const;
