import { isIP } from 'node:net';
import type { CallerPlace } from '../api/caller-place';

/** 127.0.0.0/8, ::1 and their IPv4-mapped form; `localhost` for a bind address given by name. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.toLowerCase().replace(/^\[|\]$/g, '');
  if (a === 'localhost' || a === '::1' || a === '0:0:0:0:0:0:0:1') return true;
  const v4 = a.startsWith('::ffff:') ? a.slice(7) : a;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

/**
 * A browser-host caller is on the host's machine only when both ends are loopback: the host bound to
 * loopback (so nothing else can reach it) and this connection arriving over it.
 */
export function browserCallerPlace(boundHost: string, remoteAddress: string | undefined): CallerPlace {
  if (!isLoopbackAddress(remoteAddress)) return { sameMachine: false, why: `this page connected from ${remoteAddress ?? 'an unknown address'}, not over loopback.` };
  if (!isLoopbackAddress(boundHost)) return { sameMachine: false, why: `this browser host listens on ${boundHost}, not on loopback (127.0.0.1), so it cannot tell a visitor from the network from you.` };
  return { sameMachine: true };
}
