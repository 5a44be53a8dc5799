import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC } from '../../shared/channels';
import { fail } from '../../shared/errors';
import type { PortholeCore } from '../core';
import { isTrustedSender } from './trusted-sender';
import { navigationEndsConnection } from './navigation';

/**
 * Electron IPC for the API. A sender frame that is null, or not a top frame of one of our windows
 * loading our own page, is refused. Streams are keyed per WebContents and closed when it reloads or dies.
 */
export function registerIpcTransport(core: PortholeCore, rendererUrl: () => string): () => void {
  const watched = new Set<number>();
  const connectionOf = (contents: WebContents) => `ipc:${contents.id}`;

  const watch = (contents: WebContents) => {
    if (watched.has(contents.id)) return;
    watched.add(contents.id);
    const close = () => core.router.closeConnection(connectionOf(contents));
    contents.on('did-start-navigation', (details) => {
      if (navigationEndsConnection(details)) close();
    });
    contents.once('destroyed', () => {
      close();
      watched.delete(contents.id);
    });
  };

  ipcMain.handle(IPC.invoke, async (event: IpcMainInvokeEvent, channel: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame, rendererUrl())) return fail('PERMISSION_DENIED', 'This window may not use the Porthole API.');
    return core.router.invoke(channel, input, { connectionId: connectionOf(event.sender) });
  });

  ipcMain.on(IPC.subscribe, (event: IpcMainEvent, id: unknown, channel: unknown, params: unknown) => {
    if (!isTrustedSender(event.senderFrame, rendererUrl())) return;
    watch(event.sender);
    const contents = event.sender;
    core.router.subscribe({ connectionId: connectionOf(contents) }, String(id), channel, params, (message) => {
      if (!contents.isDestroyed()) contents.send(IPC.stream, id, message);
    });
  });

  ipcMain.on(IPC.unsubscribe, (event: IpcMainEvent, id: unknown) => {
    if (!isTrustedSender(event.senderFrame, rendererUrl())) return;
    core.router.unsubscribe({ connectionId: connectionOf(event.sender) }, String(id));
  });

  return () => {
    ipcMain.removeHandler(IPC.invoke);
    ipcMain.removeAllListeners(IPC.subscribe);
    ipcMain.removeAllListeners(IPC.unsubscribe);
  };
}
