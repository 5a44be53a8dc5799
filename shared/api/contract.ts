import type { z } from 'zod';
import type { InvokeChannel, PushChannel, StreamChannel } from '../channels';
import type { ApiError, Result } from '../errors';
import type { EngineEvent, EngineStatus } from '../dto';
import { engineInvokeSchemas, type EngineInvokeResults } from './engine';
import { containerInvokeSchemas, containerStreamSchemas, type ContainerInvokeResults, type ContainerStreamEvents } from './containers';
import { engineContainersInvokeSchemas, engineContainersStreamSchemas, type EngineContainersInvokeResults, type EngineContainersStreamEvents } from './engine-containers';
import { imageInvokeSchemas, imageStreamSchemas, type ImageInvokeResults, type ImageStreamEvents } from './images';
import { hostInvokeSchemas, type HostInvokeResults } from './host';
import { registryInvokeSchemas, registryStreamSchemas, type RegistryInvokeResults, type RegistryStreamEvents } from './registry';
import { volumeInvokeSchemas, type VolumeInvokeResults } from './volumes';
import { networkInvokeSchemas, type NetworkInvokeResults } from './networks';
import { systemInvokeSchemas, type SystemInvokeResults } from './system';
import { deployInvokeSchemas, deployStreamSchemas, type DeployInvokeResults, type DeployStreamEvents } from './deploy';
import { compareInvokeSchemas, compareStreamSchemas, type CompareInvokeResults, type CompareStreamEvents } from './compare';
import { enginesInvokeSchemas, type EnginesInvokeResults } from './engines';
import { engineSetupInvokeSchemas, engineSetupStreamSchemas, type EngineSetupInvokeResults, type EngineSetupStreamEvents } from './engine-setup';
import { streamsInvokeSchemas, type StreamsInvokeResults } from './streams';
import { filesInvokeSchemas, type FilesInvokeResults } from './files';
import { terminalStreamInputs, terminalStreamSchemas, type TerminalStreamEvents, type TerminalStreamInputs } from './terminal';
import { composeInvokeSchemas, composeStreamSchemas, type ComposeInvokeResults, type ComposeStreamEvents } from './compose';
import { kubernetesInvokeSchemas, kubernetesStreamSchemas, type KubernetesInvokeResults, type KubernetesStreamEvents } from './kubernetes';
import { swarmInvokeSchemas, swarmStreamSchemas, type SwarmInvokeResults, type SwarmStreamEvents } from './swarm';
import { vmInvokeSchemas, vmStreamSchemas, type VmInvokeResults, type VmStreamEvents } from './vm';

/** One zod schema per invoke channel; a missing or extra channel is a compile error. */
export const invokeSchemas = {
  ...engineInvokeSchemas,
  ...engineSetupInvokeSchemas,
  ...enginesInvokeSchemas,
  ...swarmInvokeSchemas,
  ...kubernetesInvokeSchemas,
  ...containerInvokeSchemas,
  ...engineContainersInvokeSchemas,
  ...imageInvokeSchemas,
  ...hostInvokeSchemas,
  ...registryInvokeSchemas,
  ...volumeInvokeSchemas,
  ...networkInvokeSchemas,
  ...systemInvokeSchemas,
  ...compareInvokeSchemas,
  ...vmInvokeSchemas,
  ...deployInvokeSchemas,
  ...streamsInvokeSchemas,
  ...filesInvokeSchemas,
  ...composeInvokeSchemas,
} satisfies Record<InvokeChannel, z.ZodType>;

export const streamSchemas = {
  ...engineSetupStreamSchemas,
  ...swarmStreamSchemas,
  ...kubernetesStreamSchemas,
  ...imageStreamSchemas,
  ...containerStreamSchemas,
  ...engineContainersStreamSchemas,
  ...registryStreamSchemas,
  ...compareStreamSchemas,
  ...vmStreamSchemas,
  ...deployStreamSchemas,
  ...terminalStreamSchemas,
  ...composeStreamSchemas,
} satisfies Record<StreamChannel, z.ZodType>;

/** Duplex streams: the messages a caller may send to an open subscription of that channel. */
export const streamInputSchemas = {
  ...terminalStreamInputs,
} satisfies Partial<Record<StreamChannel, z.ZodType>>;
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface StreamInputs extends TerminalStreamInputs {}
export type StreamInput<C extends StreamChannel> = C extends keyof StreamInputs ? StreamInputs[C] : never;

type Exact<A, B> = [Exclude<keyof A, B>, Exclude<B, keyof A>] extends [never, never] ? true : never;
const invokeExact: Exact<typeof invokeSchemas, InvokeChannel> = true;
const streamExact: Exact<typeof streamSchemas, StreamChannel> = true;
void invokeExact;
void streamExact;

export interface InvokeResults
  extends EngineInvokeResults,
    EngineSetupInvokeResults,
    EnginesInvokeResults,
    SwarmInvokeResults,
    KubernetesInvokeResults,
    ContainerInvokeResults,
    EngineContainersInvokeResults,
    ImageInvokeResults,
    HostInvokeResults,
    RegistryInvokeResults,
    VolumeInvokeResults,
    NetworkInvokeResults,
    SystemInvokeResults,
    CompareInvokeResults,
    VmInvokeResults,
    DeployInvokeResults,
    StreamsInvokeResults,
    FilesInvokeResults,
    ComposeInvokeResults {}
export interface StreamEvents extends EngineSetupStreamEvents, SwarmStreamEvents, KubernetesStreamEvents, ContainerStreamEvents, EngineContainersStreamEvents, ImageStreamEvents, RegistryStreamEvents, CompareStreamEvents, VmStreamEvents, DeployStreamEvents, TerminalStreamEvents, ComposeStreamEvents {}
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
  /**
   * Opens a stream; returns the function that closes it. A duplex stream (a terminal) passes its own
   * `id` so it can address input to it with `invoke('streams:send', { id, message })`.
   */
  subscribe<C extends StreamChannel>(
    channel: C,
    params: StreamParams<C>,
    listener: (message: StreamMessage<StreamEvent<C>>) => void,
    options?: { id?: string },
  ): () => void;
  on<C extends PushChannel>(channel: C, listener: (payload: PushEvents[C]) => void): () => void;
}
