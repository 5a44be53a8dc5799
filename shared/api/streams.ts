import { z } from 'zod';

/**
 * Input to an open duplex stream (a terminal): addressed by the subscription id the caller chose.
 * The message itself is validated by the stream channel's own input schema in the router.
 */
export const streamsInvokeSchemas = {
  'streams:send': z.object({ id: z.string().min(1).max(128), message: z.unknown() }).strict(),
};

export interface StreamsInvokeResults {
  'streams:send': { accepted: true };
}
