/** The fields of Electron 45's `did-start-navigation` event object that we read (positional arguments are deprecated). */
export interface NavigationStart {
  isMainFrame: boolean;
  isSameDocument: boolean;
}

/** A main-frame navigation to another document (reload, new page) ends the window's API connection and its streams. */
export const navigationEndsConnection = (details: NavigationStart): boolean => details.isMainFrame && !details.isSameDocument;
