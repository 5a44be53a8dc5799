import type { z } from 'zod';
import type { InvokeChannel, PushChannel, StreamChannel } from '../channels';
import type { ApiError, Result } from '../errors';
import type { EngineEvent, EngineStatus } from '../dto';
import { engineInvokeSchemas, type EngineInvokeResults } from './engine';
import { containerInvokeSchemas, containerStreamSchemas, type ContainerInvokeResults, type ContainerStreamEvents } from './containers';
import { imageInvokeSchemas, imageStreamSchemas, type ImageInvokeResults, type ImageStreamEvents } from './images';
import { hostInvokeSchemas, type HostInvokeResults } from './host';
import { registryInvokeSchemas, registryStreamSchemas, type RegistryInvokeResults, type RegistryStreamEvents } from './registry';
import { volumeInvokeSchemas, type VolumeInvokeResults } from './volumes';
import { networkInvokeSchemas, type NetworkInvokeResults } from './networks';
import { systemInvokeSchemas, type SystemInvokeResults } from './system';
import { deployInvokeSchemas, deployStreamSchemas, type DeployInvokeResults, type DeployStreamEvents } from './deploy';
import { compareInvokeSchemas, compareStreamSchemas, type CompareInvokeResults, type CompareStreamEvents } from './compare';

/** One zod schema per invoke channel; a missing or extra channel is a compile error. */
export const invokeSchemas = {
  ...engineInvokeSchemas,
  ...containerInvokeSchemas,
  ...imageInvokeSchemas,
  ...hostInvokeSchemas,
  ...registryInvokeSchemas,
  ...volumeInvokeSchemas,
  ...networkInvokeSchemas,
  ...systemInvokeSchemas,
  ...compareInvokeSchemas,
  ...deployInvokeSchemas,
} satisfies Record<InvokeChannel, z.ZodType>;

export const streamSchemas = {
  ...imageStreamSchemas,
  ...containerStreamSchemas,
  ...registryStreamSchemas,
  ...compareStreamSchemas,
  ...deployStreamSchemas,
} satisfies Record<StreamChannel, z.ZodType>;

type Exact<A, B> = [Exclude<keyof A, B>, Exclude<B, keyof A>] extends [never, never] ? true : never;
const invokeExact: Exact<typeof invokeSchemas, InvokeChannel> = true;
const streamExact: Exact<typeof streamSchemas, StreamChannel> = true;
void invokeExact;
void streamExact;

export interface InvokeResults
  extends EngineInvokeResults,
    ContainerInvokeResults,
    ImageInvokeResults,
    HostInvokeResults,
    RegistryInvokeResults,
    VolumeInvokeResults,
    NetworkInvokeResults,
    SystemInvokeResults,
    CompareInvokeResults,
    DeployInvokeResults {}
export interface StreamEvents extends ContainerStreamEvents, ImageStreamEvents, RegistryStreamEvents, CompareStreamEvents, DeployStreamEvents {}
export interface PushEvents {
  'engine:status': EngineStatus;
  'engine:event': EngineEvent;
  /** The shell asks the window to show a view (the tray's "logs", "deploy folder…", a notification click). */
  'ui:navigate': { view: string; focusId?: string | null };
}

const resultsExact: Exact<InvokeResults, InvokeChannel> = true;
const eventsExact: Exact<StreamEvents, StreamChannel> = true;
const pushExact: Exact<PushEvents, PushChannel> = true;
void resultsExact;
void eventsExact;
void pushExact;

/** What the caller passes (defaults may be left out). */
export type InvokeInput<C extends InvokeChannel> = z.input<(typeof invokeSchemas)[C]>;
/** What the handler receives after validation (defaults filled in). */
export type InvokeParsed<C extends InvokeChannel> = z.output<(typeof invokeSchemas)[C]>;
export type InvokeResult<C extends InvokeChannel> = InvokeResults[C];

export type StreamParams<C extends StreamChannel> = z.input<(typeof streamSchemas)[C]>;
export type StreamParsed<C extends StreamChannel> = z.output<(typeof streamSchemas)[C]>;
export type StreamEvent<C extends StreamChannel> = StreamEvents[C];

export type StreamMessage<T> = { kind: 'data'; data: T } | { kind: 'end' } | { kind: 'error'; error: ApiError };

/** The API the renderer sees, whichever bridge carries it. */
export interface PortholeApi {
  invoke<C extends InvokeChannel>(channel: C, input: InvokeInput<C>): Promise<Result<InvokeResult<C>>>;
  /** Opens a stream; returns the function that closes it. */
  subscribe<C extends StreamChannel>(
    channel: C,
    params: StreamParams<C>,
    listener: (message: StreamMessage<StreamEvent<C>>) => void,
  ): () => void;
  on<C extends PushChannel>(channel: C, listener: (payload: PushEvents[C]) => void): () => void;
}
