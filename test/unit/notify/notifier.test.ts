import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineEvent, EngineStatus } from '../../../shared/dto';
import { Coalescer } from '../../../main/notify/coalescer';
import { Notifier, type NotificationSpec } from '../../../main/notify/notifier';
import { DEFAULT_SETTINGS, type Settings } from '../../../main/settings/store';

const event = (action: string, id: string, attributes: Record<string, string> = {}): EngineEvent => ({
  type: 'container',
  action,
  id,
  attributes: { name: id, ...attributes },
  timeNano: '0',
  timeMs: Date.now(),
});
const connected: EngineStatus = { state: 'connected', endpoint: 'e', source: 's', version: '20.10', apiVersion: '1.41' };
const lost: EngineStatus = { state: 'unavailable', endpoint: 'e', source: 's', reason: 'gone', tried: [], retryInMs: 500 };

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Coalescer', () => {
  it('turns a burst into one batch per key, delivered once the window after the first item ends', () => {
    const flushed: [string, number[]][] = [];
    const c = new Coalescer<string, number>(2000, (key, items) => flushed.push([key, items]));
    for (let i = 0; i < 20; i++) {
      c.add('exit', i);
      vi.advanceTimersByTime(50);
    }
    c.add('engine', 1);
    expect(flushed).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(flushed).toEqual([['exit', Array.from({ length: 20 }, (_, i) => i)]]);
    vi.advanceTimersByTime(1000);
    expect(flushed).toEqual([['exit', Array.from({ length: 20 }, (_, i) => i)], ['engine', [1]]]);
  });

  it('a steady stream gives at most one batch per window, and flushAll delivers what is pending', () => {
    const flushed: number[][] = [];
    const c = new Coalescer<string, number>(2000, (_k, items) => flushed.push(items));
    for (let i = 0; i < 50; i++) {
      c.add('k', i);
      vi.advanceTimersByTime(100);
    }
    expect(flushed.length).toBe(2);
    c.flushAll();
    expect(flushed.flat()).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});

describe('Notifier', () => {
  let settings: Settings;
  let shown: NotificationSpec[];
  let notifier: Notifier;
  beforeEach(() => {
    settings = structuredClone(DEFAULT_SETTINGS);
    shown = [];
    notifier = new Notifier({ settings: () => settings, show: (s) => shown.push(s) });
  });

  it('one container exiting with an error: its name, its code, and a click that opens its logs', () => {
    notifier.handleEvent(event('die', 'abc', { name: 'web', exitCode: '2' }));
    vi.advanceTimersByTime(2000);
    expect(shown).toEqual([{ kind: 'containerExit', title: 'web exited with code 2', body: 'Click to see its logs.', action: { type: 'show', view: 'containers', focusId: 'abc' } }]);
  });

  it('20 containers dying within 2 s give one notification', () => {
    for (let i = 0; i < 20; i++) {
      notifier.handleEvent(event('die', `c${i}`, { exitCode: '137' }));
      vi.advanceTimersByTime(90);
    }
    vi.advanceTimersByTime(2000);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ title: '20 containers exited', body: 'c0, c1, c2 and 17 more stopped with an error. Click to see your containers.' });
  });

  it('ignores clean exits and exits the user asked for (kill before die: stop, kill, rm -f)', () => {
    notifier.handleEvent(event('die', 'ok', { exitCode: '0' }));
    notifier.handleEvent(event('kill', 'stopped', { signal: '15' }));
    notifier.handleEvent(event('die', 'stopped', { exitCode: '143' }));
    vi.advanceTimersByTime(5000);
    expect(shown).toEqual([]);
    // A later crash of the same container is news again.
    notifier.handleEvent(event('start', 'stopped'));
    notifier.handleEvent(event('die', 'stopped', { exitCode: '1' }));
    vi.advanceTimersByTime(2000);
    expect(shown.map((s) => s.title)).toEqual(['stopped exited with code 1']);
  });

  it('engine going away and coming back, only on transitions (not on every retry)', () => {
    notifier.handleStatus(connected);
    notifier.handleStatus(lost);
    notifier.handleStatus(lost);
    vi.advanceTimersByTime(2000);
    notifier.handleStatus(lost);
    notifier.handleStatus(connected);
    vi.advanceTimersByTime(2000);
    expect(shown.map((s) => s.title)).toEqual(['Docker Engine went away', 'Docker Engine is back']);
  });

  it('a drop shorter than the window is one "reconnected" notification; the first connect says nothing', () => {
    notifier.handleStatus({ state: 'connecting', endpoint: '', source: '' });
    notifier.handleStatus(connected);
    notifier.handleStatus(lost);
    notifier.handleStatus(connected);
    vi.advanceTimersByTime(2000);
    expect(shown.map((s) => s.title)).toEqual(['Docker Engine reconnected']);
  });

  it('deploy results: success opens the app, failure explains, a burst is summarised', () => {
    notifier.notifyDeploy({ name: 'shop', ok: true, url: 'http://127.0.0.1:8080' });
    vi.advanceTimersByTime(2000);
    notifier.notifyDeploy({ name: 'api', ok: false, message: 'The build failed at step 3.' });
    vi.advanceTimersByTime(2000);
    notifier.notifyDeploy({ name: 'a', ok: true });
    notifier.notifyDeploy({ name: 'b', ok: false });
    vi.advanceTimersByTime(2000);
    expect(shown).toEqual([
      { kind: 'deploy', title: 'shop is deployed', body: 'It answers at http://127.0.0.1:8080. Click to open it.', action: { type: 'open-url', url: 'http://127.0.0.1:8080' } },
      { kind: 'deploy', title: 'Deploying api failed', body: 'The build failed at step 3. Click for details.', action: { type: 'show', view: 'deploy' } },
      { kind: 'deploy', title: '2 deploys finished, 1 failed', body: 'Click to see them in Porthole.', action: { type: 'show', view: 'deploy' } },
    ]);
  });

  it('a setting turns each kind off (also for what is already pending)', () => {
    settings.notifications.containerExit = false;
    notifier.handleEvent(event('die', 'x', { exitCode: '1' }));
    settings.notifications.containerExit = true;
    settings.notifications.deploy = true;
    notifier.notifyDeploy({ name: 'd', ok: true });
    settings.notifications.deploy = false;
    notifier.handleStatus(connected);
    settings.notifications.engine = false;
    notifier.handleStatus(lost);
    vi.advanceTimersByTime(5000);
    expect(shown).toEqual([]);
  });
});

describe('deploy results from the deploy history', () => {
  it('each recorded deploy is announced once; cancelled ones are not', async () => {
    vi.useRealTimers();
    const { DeployHistory } = await import('../../../main/deploy/history');
    const { onDeployResult } = await import('../../../main/notify/deploy-results');
    const { CoreEvents } = await import('../../../main/lib/event-bus');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const events = new CoreEvents();
    const history = new DeployHistory(mkdtempSync(join(tmpdir(), 'porthole-deploys-')), events);
    const seen: unknown[] = [];
    const off = onDeployResult(events, (r) => seen.push(r));
    const base = { folder: '/src/shop', startedMs: 1, finishedMs: 2, image: null, imageId: null, container: null, url: null };
    await history.add({ ...base, id: '1', app: 'shop', result: 'succeeded', container: 'c1', url: 'http://127.0.0.1:8080' });
    await history.add({ ...base, id: '2', app: 'api', result: 'failed', message: 'The build failed.' });
    await history.add({ ...base, id: '3', app: 'api', result: 'cancelled' });
    off();
    expect(seen).toEqual([
      { name: 'shop', ok: true, message: undefined, url: 'http://127.0.0.1:8080', containerId: 'c1' },
      { name: 'api', ok: false, message: 'The build failed.', url: undefined, containerId: undefined },
    ]);
    expect(await history.list()).toHaveLength(3);
  });
});
