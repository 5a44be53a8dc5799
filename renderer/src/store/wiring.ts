/**
 * Module-level IPC wiring (zustand's recommended place for it): one listener per push channel, fanned
 * out to the slices that registered. Slices never talk to the bridge's `on` themselves.
 */
import { api } from '../bridge';
import type { EngineEvent, EngineStatus } from '../../../shared/dto';
import type { PushEvents } from '../../../shared/api/contract';

/** May return the re-list's promise, so the second phase waits for it. */
type Resync = () => unknown;
type EventHandler = (event: EngineEvent) => void;
type StatusHandler = (status: EngineStatus) => void;
type NavigateHandler = (request: PushEvents['ui:navigate']) => void;

const resyncs = new Set<Resync>();
const laterResyncs = new Set<Resync>();
const eventHandlers = new Set<EventHandler>();
const statusHandlers = new Set<StatusHandler>();
const navigateHandlers = new Set<NavigateHandler>();
let started = false;
let wasConnected = false;

/** Adds a listener to `set`; the returned function removes it. */
const registry =
  <F>(set: Set<F>) =>
  (fn: F): (() => void) => {
    set.add(fn);
    return () => set.delete(fn);
  };

/** Called after every (re)connect: dockerd keeps only 256 events, so everything is re-listed. */
export const onResync = registry(resyncs);
/**
 * After every (re)connect too, but once the first re-lists answered: what no list waits for (engine facts,
 * the image list behind its own delay). On a small engine `/info` and the image list compete with the
 * container list the user is looking at (a switch measured 200 → 400 ms with them side by side).
 */
export const onResyncAfterLists = registry(laterResyncs);
export const onEngineEvent = registry(eventHandlers);
/** The shell asked to show a view (tray "logs", "deploy folder…", a notification click). */
export const onNavigate = registry(navigateHandlers);
export const onEngineStatus = registry(statusHandlers);
/** Whether the engine answered its last status as connected (lists only ask a connected engine). */
export const engineConnected = (): boolean => wasConnected;

function applyStatus(status: EngineStatus): void {
  for (const fn of statusHandlers) fn(status);
  const connected = status.state === 'connected';
  const rising = connected && !wasConnected;
  wasConnected = connected;
  if (rising) {
    const first = [...resyncs].map((fn) => fn());
    void Promise.allSettled(first).then(() => {
      for (const fn of laterResyncs) fn();
    });
  }
}

export function startWiring(): void {
  if (started) return;
  started = true;
  api.on('engine:status', applyStatus);
  api.on('ui:navigate', (request) => {
    for (const fn of navigateHandlers) fn(request);
  });
  api.on('engine:event', (event) => {
    for (const fn of eventHandlers) fn(event);
  });
  void api.invoke('engine:status', {}).then((r) => {
    if (r.ok) applyStatus(r.data);
  });
}
