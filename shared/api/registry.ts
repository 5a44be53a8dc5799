import { z } from 'zod';
import { boundedText, engineRef } from './common';
import { imageReference } from './images';

/** A registry host as the docker CLI names it: "docker.io", "ghcr.io", "127.0.0.1:5000", "[::1]:5000". */
export const registryHost = z
  .string()
  .min(1, 'must not be empty')
  .max(255)
  .regex(/^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::[0-9]{1,5})?$/, 'is not a registry host, e.g. docker.io or 127.0.0.1:5000');

export const transferParams = z.object({ reference: imageReference }).strict();

export const registryInvokeSchemas = {
  'images:tag': z.object({ source: engineRef, target: imageReference }).strict(),
  'images:history': z.object({ id: engineRef }).strict(),
  'registry:list': z.object({}).strict(),
  'registry:storage': z.object({}).strict(),
  'registry:sign-in': z
    .object({
      registry: registryHost,
      username: z.string().min(1, 'must not be empty').max(256),
      /** A password or an access token; kept in main, never sent back. */
      secret: z.string().min(1, 'must not be empty').max(8192),
    })
    .strict(),
  'registry:sign-out': z.object({ registry: registryHost }).strict(),
  'registry:search': z
    .object({
      term: boundedText(256),
      /** Empty: Docker Hub, through the engine. Otherwise that registry's /v2/_catalog, filtered by `term`. */
      registry: registryHost.optional(),
      limit: z.number().int().min(1).max(100).default(25),
    })
    .strict(),
};

export const registryStreamSchemas = {
  'images:pull': transferParams,
  'images:push': transferParams,
};

export type LayerPhase = 'waiting' | 'downloading' | 'verifying' | 'extracting' | 'preparing' | 'pushing' | 'complete' | 'exists';

export interface LayerProgress {
  /** Short layer id as the engine reports it (12 hex characters). */
  id: string;
  phase: LayerPhase;
  /** The engine's own words, e.g. "Downloading" or "Pull complete". */
  status: string;
  current: number;
  total: number;
  /** 0…1 for this layer across its phases. */
  fraction: number;
}

/** A snapshot of a pull or push, sent at most every ~100 ms; the last one has `done: true`. */
export interface TransferProgress {
  kind: 'pull' | 'push';
  reference: string;
  layers: LayerProgress[];
  /** 0…100 over every layer; 100 exactly when finished. */
  percent: number;
  bytesCurrent: number;
  bytesTotal: number;
  /** Status lines that are not about one layer ("Digest: …", "Status: Downloaded newer image …"). */
  messages: string[];
  done: boolean;
  digest?: string;
}

export interface ImageHistoryEntry {
  id: string;
  createdMs: number;
  createdBy: string;
  sizeBytes: number;
  tags: string[];
  comment: string;
}

/** What the renderer may know about a registry sign-in: never the secret. */
export interface RegistryAccount {
  registry: string;
  username: string;
  signedIn: boolean;
}

export interface RegistrySearchResult {
  name: string;
  description: string;
  stars?: number;
  official?: boolean;
  /** Where it came from: "docker.io" or the registry host. */
  registry: string;
}

export interface RegistryInvokeResults {
  'images:tag': { reference: string };
  'images:history': ImageHistoryEntry[];
  'registry:list': RegistryAccount[];
  /** Where sign-ins are kept, and what went wrong with that place (a corrupt file set aside). */
  'registry:storage': { description: string; notice: string | null };
  'registry:sign-in': RegistryAccount;
  'registry:sign-out': { registry: string; signedOut: boolean };
  'registry:search': RegistrySearchResult[];
}

export interface RegistryStreamEvents {
  'images:pull': TransferProgress;
  'images:push': TransferProgress;
}
