import { z } from 'zod';
import type { ContainerSummary, EngineEvent } from '../dto';
import { engineId } from './engines';

/** A container of the side-by-side list: which engine it lives on travels with it. */
export interface EngineContainer extends ContainerSummary {
  engineId: string;
  engineName: string;
}

/** How one engine answered the side-by-side list: an unreachable one is reported, it never fails the list. */
export type EngineListing =
  | { id: string; name: string; current: boolean; state: 'listed'; count: number }
  | { id: string; name: string; current: boolean; state: 'unreachable'; reason: string; code: string };

export interface AllEnginesContainers {
  engines: EngineListing[];
  containers: EngineContainer[];
}

/** What the side-by-side watch sends: an engine's events stream opened, one of its events, or it lost that engine. */
export type EngineContainersEvent =
  | { kind: 'watching'; engineId: string }
  | { kind: 'event'; engineId: string; event: EngineEvent }
  | { kind: 'lost'; engineId: string; reason: string; code: string };

export const engineContainersInvokeSchemas = {
  /** Every engine's containers; `engineIds` re-lists just those (after one engine's events). */
  'containers:all-engines': z
    .object({
      all: z.boolean().default(true),
      engineIds: z.array(engineId).min(1).max(64).optional(),
    })
    .strict(),
};

export const engineContainersStreamSchemas = {
  /** Each engine's own `/events`, tagged with its id, open while the renderer watches the side-by-side list. */
  'containers:all-engines-events': z.object({}).strict(),
};

export interface EngineContainersInvokeResults {
  'containers:all-engines': AllEnginesContainers;
}

export interface EngineContainersStreamEvents {
  'containers:all-engines-events': EngineContainersEvent;
}
