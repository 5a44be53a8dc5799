/** The only module that knows where the API comes from: Electron's preload, or the browser host's WebSocket. */
import type { PortholeApi } from '../../../shared/api/contract';
import { createWsBridge, takeToken } from './ws-bridge';
export { hostAccessProblem, onHostAccessProblem, type HostAccessProblem } from './ws-bridge';

declare global {
  interface Window {
    porthole?: PortholeApi;
  }
}

export const api: PortholeApi = window.porthole ?? createWsBridge(takeToken());

export type { PortholeApi };
