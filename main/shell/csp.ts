import type { Plugin } from 'vite';
import { isOwnPageUrl } from './window-options';

/**
 * The Content-Security-Policy pieces that differ by context (plain functions: the Vite config and
 * the session both use them, and tests read them).
 */

/** Parses a CSP into directive → sources. */
export function parseCsp(csp: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of csp.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...sources] = part.split(/\s+/);
    directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

const formatCsp = (directives: Map<string, string[]>): string => [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');

/**
 * `npm run dev` only: Vite's dev server puts the React-refresh preamble in an inline script and the
 * CSS in injected <style> tags, and talks HMR over a WebSocket to its own origin; the production
 * policy blocks all three and the window stays blank. Never used for a build.
 */
export function devRendererCsp(productionCsp: string): string {
  const d = parseCsp(productionCsp);
  const add = (name: string, ...sources: string[]) => d.set(name, [...new Set([...(d.get(name) ?? []), ...sources])]);
  add('script-src', "'unsafe-inline'");
  add('style-src', "'unsafe-inline'");
  add('connect-src', 'ws://localhost:*', 'ws://127.0.0.1:*');
  return formatCsp(d);
}

/** Replaces the content of the CSP meta tag in an HTML document. */
export function replaceMetaCsp(html: string, csp: (current: string) => string): string {
  return html.replace(/(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]+)(")/i, (_m, open: string, current: string, close: string) => open + csp(current) + close);
}

export interface HeadersDetails {
  url: string;
  resourceType: string;
  responseHeaders?: Record<string, string[]>;
}

/**
 * The response headers with our CSP added — only for our own renderer page. Other responses in the
 * session (DevTools, anything a container page could make us fetch) keep their own headers.
 */
export function withRendererCsp(details: HeadersDetails, rendererUrl: string, csp: string): Record<string, string[]> | undefined {
  if (details.resourceType !== 'mainFrame' || !isOwnPageUrl(details.url, rendererUrl)) return details.responseHeaders;
  const headers = Object.fromEntries(Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'));
  return { ...headers, 'Content-Security-Policy': [csp] };
}

/**
 * `npm run dev` only (`apply: 'serve'`): relaxes renderer/index.html's CSP meta tag so the React-refresh
 * preamble, Vite's injected styles and its HMR socket are allowed. Builds keep the strict policy.
 */
export const devCspPlugin = (): Plugin => ({
  name: 'porthole-dev-csp',
  apply: 'serve',
  transformIndexHtml: { order: 'pre', handler: (html) => replaceMetaCsp(html, devRendererCsp) },
});
