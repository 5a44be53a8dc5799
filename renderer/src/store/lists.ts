/**
 * Every list the renderer keeps live from engine events, one object each, shared by every view that
 * shows it (a list is fetched while something listens to it). Containers are not here: their slice
 * patches rows one by one (containers-slice.ts).
 */
import { api } from '../bridge';
import type { EngineInfo, ImageSummary } from '../../../shared/dto';
import type { NetworkSummary } from '../../../shared/api/networks';
import type { SwarmNode, SwarmServiceSummary } from '../../../shared/api/swarm';
import type { VolumeSummary } from '../../../shared/api/volumes';
import { LiveList } from './live-list';

/** Behind the container list after a (re)connect, and behind its own delay: a build's tags or a prune's deletes come in bursts. */
export const imagesList = new LiveList<ImageSummary[]>({ key: 'images', load: () => api.invoke('images:list', {}), initial: [], delayMs: 120, resync: 'later' });

/** `/info`: the Overview's counts and engine facts, asked as soon as the first re-lists answered. */
export const engineInfoLive = new LiveList<EngineInfo | null>({ key: 'engineInfo', load: () => api.invoke('engine:info', {}), initial: null, resync: 'later', resyncDelayMs: 0 });

export const volumesList = new LiveList<VolumeSummary[]>({ key: 'volumes', load: () => api.invoke('volumes:list', {}), initial: [] });

export const networksList = new LiveList<NetworkSummary[]>({ key: 'networks', load: () => api.invoke('networks:list', {}), initial: [] });

// The manager records a task as running a moment after its container's `start` event, and sends no task events.
export const swarmServicesList = new LiveList<SwarmServiceSummary[]>({ key: 'swarmServices', load: () => api.invoke('swarm:services', {}), initial: [], settleMs: 1_500 });

export const swarmNodesList = new LiveList<SwarmNode[]>({ key: 'swarmNodes', load: () => api.invoke('swarm:nodes', {}), initial: [] });
