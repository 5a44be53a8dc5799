import { PortholeError } from '../../shared/errors';
import { toApiError } from '../engine/errors';

const text = (error: unknown) => {
  const e = error as { message?: string; code?: string; reason?: string; level?: string } | null;
  return `${e?.code ?? ''} ${e?.message ?? String(error)} ${e?.reason ?? ''} ${e?.level ?? ''}`;
};

/**
 * Words for why an engine could not be reached over TLS or SSH, saying which side refused what, so
 * the user knows whether to fix the CA, the client certificate, the key or the host key.
 */
export function explainEngineFailure(error: unknown, endpoint: string): PortholeError {
  if (error instanceof PortholeError) return error;
  const t = text(error);
  const where = endpoint.slice(0, 200);
  if (/UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_GET_ISSUER_CERT|CERT_SIGNATURE_FAILURE/i.test(t)) {
    return new PortholeError('PERMISSION_DENIED', `The engine at ${where} presented a certificate that is not signed by the CA this engine's settings trust (ca.pem): untrusted CA. Check ca.pem, or that you are talking to the right server.`);
  }
  if (/ERR_TLS_CERT_ALTNAME_INVALID|Hostname\/IP does not match/i.test(t)) {
    return new PortholeError('PERMISSION_DENIED', `The engine at ${where} presented a certificate for another host name.`);
  }
  if (/CERT_HAS_EXPIRED|CERT_NOT_YET_VALID/i.test(t)) {
    return new PortholeError('PERMISSION_DENIED', `The engine at ${where} presented a certificate that has expired or is not valid yet.`);
  }
  if (/alert (unknown ca|bad certificate|certificate required|certificate unknown)|ALERT_(UNKNOWN_CA|BAD_CERTIFICATE|CERTIFICATE_REQUIRED|CERTIFICATE_UNKNOWN)|alert number 4[2568]|alert number 116/i.test(t)) {
    return new PortholeError('PERMISSION_DENIED', `The engine at ${where} refused Porthole's client certificate (cert.pem/key.pem): it is not signed by a CA the engine trusts, or none was given.`);
  }
  if (/All configured authentication methods failed/i.test(t)) {
    return new PortholeError('PERMISSION_DENIED', `The SSH server at ${where} refused the key: none of the keys offered (ssh agent or ~/.ssh/id_*) is in the user's authorized_keys.`);
  }
  if (/Host denied|verification failed/i.test(t)) {
    return new PortholeError('PERMISSION_DENIED', `The SSH host key of ${where} is not in known_hosts; accept its fingerprint to connect.`);
  }
  if (/ECONNREFUSED/.test(t)) return new PortholeError('ENGINE_UNAVAILABLE', `Nothing is listening at ${where}.`);
  if (/ECONNRESET|socket hang up/i.test(t)) {
    return new PortholeError('ENGINE_UNAVAILABLE', `The engine at ${where} closed the connection during set-up (a TLS engine refusing the client certificate does this).`);
  }
  const api = toApiError(error);
  return new PortholeError(api.code, api.message, api.detail);
}
