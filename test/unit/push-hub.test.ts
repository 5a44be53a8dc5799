import { describe, expect, it } from 'vitest';
import { PushHub } from '../../main/api/push-hub';
import type { EngineStatus } from '../../shared/dto';

const connected: EngineStatus = { state: 'connected', endpoint: 'unix:///var/run/docker.sock', source: 'default', version: '20.10.24', apiVersion: '1.41' };
const lost: EngineStatus = { state: 'unavailable', endpoint: 'unix:///var/run/docker.sock', source: 'default', reason: 'gone', tried: [], retryInMs: 1000 };

describe('PushHub', () => {
  it('tells a replaying listener the latest engine status at once, and nothing else that happened before', () => {
    const hub = new PushHub();
    hub.publish('engine:status', lost);
    hub.publish('engine:status', connected);
    hub.publish('ui:navigate', { view: 'containers' });
    const seen: [string, unknown][] = [];
    hub.subscribe((channel, payload) => seen.push([channel, payload]), { replay: true });
    expect(seen).toEqual([['engine:status', connected]]);
  });

  it('replays nothing to a listener that did not ask, and nothing before the first status', () => {
    const hub = new PushHub();
    const quiet: string[] = [];
    hub.subscribe((channel) => quiet.push(channel), { replay: true });
    hub.publish('engine:status', connected);
    const plain: string[] = [];
    hub.subscribe((channel) => plain.push(channel));
    expect(quiet).toEqual(['engine:status']);
    expect(plain).toEqual([]);
  });
});
