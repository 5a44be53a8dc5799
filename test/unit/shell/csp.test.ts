import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { devCspPlugin, devRendererCsp, parseCsp, replaceMetaCsp, withRendererCsp } from '../../../main/shell/csp';
import { RENDERER_CSP } from '../../../main/shell/window-options';
import { ROOT } from '../../support/builder-config';

const indexHtml = readFileSync(join(ROOT, 'renderer', 'index.html'), 'utf8');
const metaOf = (html: string) => /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1] ?? '';

/** Runs the plugin's transformIndexHtml hook the way Vite calls it. */
function transform(html: string): string {
  const hook = devCspPlugin().transformIndexHtml as { handler: (html: string) => string };
  return hook.handler(html);
}

describe('npm run dev: the CSP meta tag is relaxed for the dev server only', () => {
  it('is a serve-only plugin (never part of a build)', () => {
    expect(devCspPlugin().apply).toBe('serve');
  });

  it("allows the React-refresh inline preamble, Vite's injected styles and its HMR socket", () => {
    const d = parseCsp(metaOf(transform(indexHtml)));
    expect(d.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d.get('connect-src')).toEqual(expect.arrayContaining(['ws://localhost:*', 'ws://127.0.0.1:*']));
  });

  it('still never allows eval, and keeps every other directive', () => {
    const dev = parseCsp(devRendererCsp(metaOf(indexHtml)));
    const prod = parseCsp(metaOf(indexHtml));
    for (const sources of dev.values()) expect(sources).not.toContain("'unsafe-eval'");
    for (const [name, sources] of prod) expect(dev.get(name)).toEqual(expect.arrayContaining(sources));
    expect(replaceMetaCsp(indexHtml, (c) => c).trim()).toBe(indexHtml.trim());
  });
});

describe('the CSP response header goes on our page only', () => {
  const page = 'file:///opt/Porthole/resources/app.asar/out/renderer/index.html';

  it('our renderer page gets RENDERER_CSP (replacing any other CSP header)', () => {
    const headers = withRendererCsp({ url: page, resourceType: 'mainFrame', responseHeaders: { 'content-security-policy': ['x'] } }, page, RENDERER_CSP);
    expect(headers).toEqual({ 'Content-Security-Policy': [RENDERER_CSP] });
  });

  it('DevTools, sub-resources and any other origin keep their own headers', () => {
    const own = { 'Content-Type': ['text/html'] };
    expect(withRendererCsp({ url: 'devtools://devtools/bundled/devtools_app.html', resourceType: 'mainFrame', responseHeaders: own }, page, RENDERER_CSP)).toBe(own);
    expect(withRendererCsp({ url: 'http://127.0.0.1:8080/', resourceType: 'mainFrame', responseHeaders: own }, page, RENDERER_CSP)).toBe(own);
    expect(withRendererCsp({ url: page, resourceType: 'script', responseHeaders: own }, page, RENDERER_CSP)).toBe(own);
  });
});
