import type { InvokeHandlers, StreamHandlers } from './router';

/** What each domain folder's `handlers.ts` gives the router: its slice of the invoke and stream channels. */
export interface DomainHandlers {
  invoke: Partial<InvokeHandlers>;
  streams: Partial<StreamHandlers>;
}
