import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BATCH_MS, OutputPump } from '../../../main/terminal/output-pump';

const decode = (messages: string[]) => messages.map((m) => Buffer.from(m, 'base64').toString('latin1'));

describe('OutputPump', () => {
  let clock = 0;
  let socket: PassThrough;
  let sent: string[];
  let pump: OutputPump;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate'] });
    clock = 1_000;
    socket = new PassThrough();
    sent = [];
    pump = new OutputPump(socket, (base64) => sent.push(base64), () => clock);
  });
  afterEach(() => {
    pump.dispose();
    vi.useRealTimers();
  });

  const tick = (ms: number) => {
    clock += ms;
    vi.advanceTimersByTime(ms);
  };

  it('sends output after a quiet spell on the next turn of the event loop (a keystroke echo waits for no timer)', () => {
    socket.emit('data', Buffer.from('a'));
    expect(sent).toEqual([]);
    vi.runOnlyPendingTimers(); // the setImmediate; no time passes
    expect(decode(sent)).toEqual(['a']);
  });

  it('coalesces what arrives in the same turn into one message', () => {
    socket.emit('data', Buffer.from('ab'));
    socket.emit('data', Buffer.from('cd'));
    vi.runOnlyPendingTimers();
    expect(decode(sent)).toEqual(['abcd']);
  });

  it('while output keeps coming, sends at most one message per window, in order and complete', () => {
    socket.emit('data', Buffer.from('y\r\n'));
    vi.runOnlyPendingTimers();
    expect(sent).toHaveLength(1);
    // A firehose of 3-byte reads, one every 0.5 ms, for 40 ms.
    for (let i = 0; i < 80; i++) {
      tick(0.5);
      socket.emit('data', Buffer.from('y\r\n'));
    }
    tick(BATCH_MS);
    expect(decode(sent).join('')).toBe('y\r\n'.repeat(81));
    expect(sent.length).toBeLessThanOrEqual(1 + Math.ceil(40 / BATCH_MS) + 1);
    expect(sent.length).toBeGreaterThan(2);
  });

  it('a read arriving within the window waits only for the rest of it', () => {
    socket.emit('data', Buffer.from('1'));
    vi.runOnlyPendingTimers();
    tick(3);
    socket.emit('data', Buffer.from('2'));
    tick(BATCH_MS - 3 - 1);
    expect(decode(sent)).toEqual(['1']);
    tick(1);
    expect(decode(sent)).toEqual(['1', '2']);
  });

  it('sends at once when 64 KiB are waiting', () => {
    socket.emit('data', Buffer.from('x'));
    vi.runOnlyPendingTimers();
    tick(1);
    socket.emit('data', Buffer.alloc(64 * 1024, 'z'));
    expect(sent).toHaveLength(2);
    expect(Buffer.from(sent[1], 'base64')).toHaveLength(64 * 1024);
  });

  it('flush() sends what is waiting and cancels the scheduled send; dispose() leaves nothing scheduled', () => {
    socket.emit('data', Buffer.from('x'));
    vi.runOnlyPendingTimers();
    tick(1);
    socket.emit('data', Buffer.from('tail'));
    pump.flush();
    expect(decode(sent)).toEqual(['x', 'tail']);
    pump.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('pauses reading while the renderer is more than 2 MiB behind and resumes once it catches up', () => {
    const pause = vi.spyOn(socket, 'pause');
    const resume = vi.spyOn(socket, 'resume');
    for (let i = 0; i < 33; i++) socket.emit('data', Buffer.alloc(64 * 1024, 'y'));
    expect(pause).toHaveBeenCalledTimes(1);
    pump.ack(1024 * 1024);
    expect(resume).not.toHaveBeenCalled();
    pump.ack(33 * 64 * 1024 - 256 * 1024);
    expect(resume).toHaveBeenCalledTimes(1);
  });
});
