import { describe, expect, it } from 'vitest';
import { addEnginesVerdict, requireSameMachine } from '../../../main/api/caller-place';
import { browserCallerPlace, isLoopbackAddress } from '../../../main/transports/loopback';

describe('which callers may add engines', () => {
  it('knows loopback addresses, mapped and named', () => {
    for (const a of ['127.0.0.1', '127.3.4.5', '::1', '[::1]', '::ffff:127.0.0.1', 'localhost']) expect(isLoopbackAddress(a), a).toBe(true);
    for (const a of ['0.0.0.0', '::', '192.0.2.2', '::ffff:192.0.2.2', '128.0.0.1', 'fd00::2', '', undefined, 'example.com']) expect(isLoopbackAddress(a), String(a)).toBe(false);
  });

  it('is the same machine only when the host is bound to loopback and the page came over it', () => {
    expect(browserCallerPlace('127.0.0.1', '127.0.0.1')).toEqual({ sameMachine: true });
    expect(browserCallerPlace('::1', '::1')).toEqual({ sameMachine: true });
    expect(browserCallerPlace('0.0.0.0', '127.0.0.1')).toMatchObject({ sameMachine: false, why: expect.stringContaining('listens on 0.0.0.0, not on loopback') });
    expect(browserCallerPlace('127.0.0.1', '192.0.2.9')).toMatchObject({ sameMachine: false, why: expect.stringContaining('connected from 192.0.2.9') });
  });

  it('in-process callers (Electron, the CLI) may; a remote page is refused with a typed error in words', () => {
    expect(addEnginesVerdict({ connectionId: 'ipc:1' })).toEqual({ allowed: true });
    const remote = { connectionId: 'ws:1', place: browserCallerPlace('0.0.0.0', '192.0.2.9') };
    expect(addEnginesVerdict(remote)).toMatchObject({ allowed: false, reason: expect.stringMatching(/^Engines can be added only from the machine Porthole runs on: /) });
    expect(() => requireSameMachine(remote, 'add an engine')).toThrow(expect.objectContaining({ code: 'PERMISSION_DENIED', message: expect.stringMatching(/^Porthole refused to add an engine\. /) }));
  });
});
