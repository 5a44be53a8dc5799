/**
 * Every channel name, in one place and free of zod, so the sandboxed preload can hold the
 * allowlist without bundling the schemas. `api/schemas.ts` must give each name a schema
 * (checked at compile time).
 */
export const INVOKE_CHANNELS = [
  'engine:info',
  'engine:status',
  'containers:list',
  'containers:inspect',
  'containers:action',
  'containers:remove',
  'containers:remove-preview',
  'containers:run',
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
  'images:tag',
  'images:history',
  'registry:list',
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
] as const;

export const STREAM_CHANNELS = ['images:build', 'containers:logs', 'containers:stats', 'images:pull', 'images:push', 'compare:watch', 'deploy:run'] as const;

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
