import { describe, expect, it } from 'vitest';
import type { LogBatch, StatsSample } from '../../shared/api/containers';
import { decodeLogBatch } from '../../shared/log-batch';
import { useProxiedCore } from '../support/core';
import { removeAfterAll } from '../support/remove-after-all';
import { docker, runBusybox } from '../support/engine';
import { uniqueName } from '../support/run-id';
import { openStream, until } from '../support/api-stream';

const made = removeAfterAll();
async function run(prefix: string, script: string, extra: string[] = []): Promise<string> {
  const id = await runBusybox(uniqueName(prefix), ['/bin/busybox', 'sh', '-c', script], extra);
  made.containers.push(id);
  return id;
}

/** Waits until the container has exited (its output is then complete). */
async function waitExited(id: string): Promise<void> {
  await docker.getContainer(id).wait();
}

const lines = (batches: LogBatch[]) => batches.flatMap(decodeLogBatch);

describe('containers:logs and containers:stats through the API (real dockerd)', () => {
  const { core, proxy } = useProxiedCore();

  it('a non-TTY container: stdout and stderr lines arrive with the right stream, in order per stream', async () => {
    const id = await run('logs-std', 'echo out-1; echo "err-1 ✗" >&2; echo "out-2 🐳"; echo err-2 >&2');
    await waitExited(id);
    const stream = openStream(core, 'containers:logs', { id, follow: false, tail: 100 });
    expect(await stream.finished).toEqual({ kind: 'end' });
    const got = lines(stream.data);
    expect(got.filter((l) => l.stream === 'stdout').map((l) => l.text)).toEqual(['out-1', 'out-2 🐳']);
    expect(got.filter((l) => l.stream === 'stderr').map((l) => l.text)).toEqual(['err-1 ✗', 'err-2']);
    for (const line of got) expect(line.timeMs).toBeGreaterThan(Date.now() - 120_000);
  });

  it('without timestamps the text is kept whole', async () => {
    const id = await run('logs-nots', 'echo "2024 not a stamp"');
    await waitExited(id);
    const stream = openStream(core, 'containers:logs', { id, follow: false, timestamps: false });
    expect(await stream.finished).toEqual({ kind: 'end' });
    expect(lines(stream.data)).toEqual([{ stream: 'stdout', text: '2024 not a stamp' }]);
  });

  it('a TTY container (-t): raw output read as text, not demultiplexed', async () => {
    const id = await run('logs-tty', 'echo tty-line-1; echo tty-err >&2; echo "tty é"', ['-t']);
    await waitExited(id);
    const stream = openStream(core, 'containers:logs', { id, follow: false });
    expect(await stream.finished).toEqual({ kind: 'end' });
    const got = lines(stream.data);
    expect(got.map((l) => l.text)).toEqual(['tty-line-1', 'tty-err', 'tty é']);
    expect(got.every((l) => l.stream === 'stdout')).toBe(true);
  });

  it('tail is respected', async () => {
    const id = await run('logs-tail', 'for i in 1 2 3 4 5 6 7 8 9 10; do echo line-$i; done');
    await waitExited(id);
    const stream = openStream(core, 'containers:logs', { id, follow: false, tail: 3 });
    expect(await stream.finished).toEqual({ kind: 'end' });
    expect(lines(stream.data).map((l) => l.text)).toEqual(['line-8', 'line-9', 'line-10']);
    const none = openStream(core, 'containers:logs', { id, follow: false, tail: 0 });
    expect(await none.finished).toEqual({ kind: 'end' });
    expect(lines(none.data)).toEqual([]);
  });

  it('follow receives new lines, ends when the container stops, and unsubscribing closes the engine request', async () => {
    const id = await run('logs-follow', 'i=0; while true; do echo tick-$i; i=$((i+1)); sleep 0.2; done');
    const logConnections = () => proxy.connections.filter((c) => c.open && c.requests.some((r) => r.includes(`/containers/${id}/logs`)));

    const followed = openStream(core, 'containers:logs', { id, follow: true, tail: 0 });
    await until(() => lines(followed.data).length >= 3, 10_000, 'three new lines');
    const texts = lines(followed.data).map((l) => l.text);
    const first = Number(texts[0].replace('tick-', ''));
    expect(texts.slice(0, 3)).toEqual([`tick-${first}`, `tick-${first + 1}`, `tick-${first + 2}`]);
    expect(logConnections()).toHaveLength(1);

    followed.close();
    await until(() => logConnections().length === 0, 5_000, 'the logs request to close');
    const count = followed.messages.length;
    await new Promise((r) => setTimeout(r, 500));
    expect(followed.messages.length).toBe(count);
    expect(core.router.openStreamCount()).toBe(0);

    // A follow stream ends by itself when the container stops.
    const again = openStream(core, 'containers:logs', { id, follow: true, tail: 1 });
    await until(() => lines(again.data).length >= 1, 10_000, 'a line');
    await docker.getContainer(id).kill();
    expect(await again.finished).toEqual({ kind: 'end' });
  });

  it('a followed stream of a container that prints nothing opens with an empty batch, so the page can say it is live', async () => {
    const id = await run('logs-silent', 'sleep 3600');
    const followed = openStream(core, 'containers:logs', { id, follow: true, tail: 100 });
    await until(() => followed.messages.length > 0, 10_000, 'a first message');
    expect(followed.messages[0]).toEqual({ kind: 'data', data: { text: '', count: 0 } });
    followed.close();
  });

  it('long lines come in messages of at most ~96 K characters, every line once and in order', async () => {
    const id = await run('logs-long', 'i=0; while [ $i -lt 3000 ]; do printf "%04d %0200d\\n" $i 0; i=$((i+1)); done');
    await waitExited(id);
    const stream = openStream(core, 'containers:logs', { id, follow: false, tail: 5000, timestamps: false });
    expect(await stream.finished).toEqual({ kind: 'end' });
    // 3,000 lines of 205 characters are ~615 K: seven messages or more, none much over the cap (one line at most).
    expect(stream.data.length).toBeGreaterThanOrEqual(7);
    for (const batch of stream.data) expect(batch.text.length).toBeLessThanOrEqual(96 * 1024 + 206);
    expect(lines(stream.data).map((l) => l.text.slice(0, 4))).toEqual(Array.from({ length: 3000 }, (_, i) => String(i).padStart(4, '0')));
  });

  it('logs of a missing container → NOT_FOUND', async () => {
    const stream = openStream(core, 'containers:logs', { id: `porthole-missing-${Date.now()}` });
    expect(await stream.finished).toMatchObject({ kind: 'error', error: { code: 'NOT_FOUND' } });
  });

  it('stats: a sample with plausible numbers, and unsubscribing closes the engine request', async () => {
    const id = await run('stats', 'while true; do :; done & sleep 3600');
    const statsConnections = () => proxy.connections.filter((c) => c.open && c.requests.some((r) => r.includes(`/containers/${id}/stats`)));
    const stream = openStream(core, 'containers:stats', { id });
    await until(() => stream.data.length >= 2, 15_000, 'two stats samples');
    const sample: StatsSample = stream.data[1];
    expect(sample.memoryBytes).toBeGreaterThan(0);
    expect(sample.memoryLimitBytes).toBeGreaterThan(0);
    expect(sample.memoryBytes).toBeLessThanOrEqual(sample.memoryLimitBytes);
    expect(sample.cpuPercent).toBeGreaterThanOrEqual(0);
    expect(sample.cpuPercent).toBeLessThanOrEqual(100 * sample.onlineCpus);
    expect(sample.onlineCpus).toBeGreaterThanOrEqual(1);
    expect(sample.pids).toBeGreaterThanOrEqual(2);
    expect(Math.abs(sample.timeMs - Date.now())).toBeLessThan(60_000);
    expect(statsConnections()).toHaveLength(1);
    stream.close();
    await until(() => statsConnections().length === 0, 5_000, 'the stats request to close');
  });
});
