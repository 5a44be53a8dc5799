import { z } from 'zod';

/** Where an engine entry came from: a docker CLI context, DOCKER_HOST, or a socket Porthole found itself. */
export type EngineKind = 'context' | 'env' | 'socket';

export type EngineEntryStatus =
  | { state: 'connected'; version: string; apiVersion: string }
  | { state: 'unreachable'; reason: string; code: string }
  | { state: 'unknown' };

/** An unknown SSH host key waiting for the user's yes (never accepted silently). */
export interface PendingHostKey {
  host: string;
  port: number;
  keyType: string;
  /** `SHA256:…`, as `ssh-keygen -l` prints it. */
  fingerprint: string;
}

export interface EngineEntry {
  /** Stable id: `context:NAME`, `env:DOCKER_HOST`, `socket:/path`. */
  id: string;
  name: string;
  kind: EngineKind;
  endpoint: string;
  /** The docker CLI's current context (what `docker` without flags talks to). */
  cliCurrent: boolean;
  /** The engine every view of Porthole shows now. */
  current: boolean;
  /** TLS certificate checks turned off for this engine: shown as a warning. */
  tlsVerifyOff: boolean;
  status: EngineEntryStatus;
  hostKey?: PendingHostKey;
}

/** Whether this caller may add engines (the browser host allows it only to a page on its own machine). */
export type AddEnginesVerdict = { allowed: true } | { allowed: false; reason: string };

export interface EngineList {
  engines: EngineEntry[];
  currentId: string;
  /** The engine Porthole starts with (a setting); null = find it like the docker CLI does. */
  startWith: string | null;
  /** Filled in for each caller by the API (not known to the registry). */
  addEngines?: AddEnginesVerdict;
}

export const engineId = z.string().min(3).max(1024).regex(/^(context|env|socket):/, 'is not an engine id');
/** The docker CLI's rule for context names. */
export const contextName = z
  .string()
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.+-]{0,99}$/, 'is not a context name (letters, digits, _ . + -, starting with a letter or digit)')
  .refine((n) => n !== 'default', 'is reserved by the docker CLI');
const endpointUrl = z
  .string()
  .max(1024)
  .regex(/^(unix|npipe|tcp|ssh):\/\/./, 'must start with unix://, npipe://, tcp:// or ssh://');
const filePath = z.string().min(1).max(4096);

export const enginesInvokeSchemas = {
  /** Every known engine with its status (the ones not in use are pinged with a short deadline). */
  'engines:list': z.object({}).strict(),
  /** Moves Porthole to another engine: the old engine's streams close and every view re-lists. */
  'engines:switch': z.object({ id: engineId }).strict(),
  /** Accepts the SSH host key shown for an engine (written to known_hosts, as `ssh` would). */
  'engines:trust-host-key': z.object({ id: engineId, fingerprint: z.string().regex(/^SHA256:[A-Za-z0-9+/=]{20,60}$/) }).strict(),
  'engines:set-start-with': z.object({ id: engineId.nullable() }).strict(),
  /** Creates a docker CLI context in the CLI's own format; TLS files are kept in the context's TLS folder. */
  'engines:create-context': z
    .object({
      name: contextName,
      description: z.string().max(500).default(''),
      host: endpointUrl,
      tls: z.object({ ca: filePath.optional(), cert: filePath.optional(), key: filePath.optional() }).strict().optional(),
      skipTlsVerify: z.boolean().default(false),
    })
    .strict(),
  'engines:remove-context': z.object({ name: contextName }).strict(),
  /** `docker context use NAME`: what the docker CLI talks to by default (null = back to "default"). */
  'engines:use-context': z.object({ name: contextName.nullable() }).strict(),
};

export interface EnginesInvokeResults {
  'engines:list': EngineList;
  'engines:switch': EngineList;
  'engines:trust-host-key': EngineList;
  'engines:set-start-with': EngineList;
  'engines:create-context': EngineList;
  'engines:remove-context': EngineList;
  'engines:use-context': EngineList;
}
