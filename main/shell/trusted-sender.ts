/** The parts of a WebFrameMain we look at (kept structural so it is testable without Electron). */
export interface SenderFrameLike {
  url: string;
  parent: unknown;
}

/**
 * True only for a top-level frame showing our own renderer: a null frame (destroyed or navigated
 * away), a sub-frame, or a page from anywhere else is refused.
 */
export function isTrustedSender(frame: SenderFrameLike | null | undefined, rendererUrl: string): boolean {
  if (!frame) return false;
  if (frame.parent) return false;
  try {
    const actual = new URL(frame.url);
    const expected = new URL(rendererUrl);
    if (actual.protocol !== expected.protocol) return false;
    if (actual.protocol === 'file:') return actual.pathname === expected.pathname;
    return actual.origin === expected.origin;
  } catch {
    return false;
  }
}
