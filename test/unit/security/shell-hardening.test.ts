import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RENDERER_CSP, isOwnPageUrl, windowOptions } from '../../../main/shell/window-options';
import { CSP as BROWSER_HOST_CSP } from '../../../main/transports/browser-host';
import { ROOT, loadBuilderConfig } from '../../support/builder-config';

/** Parses a CSP into directive → sources. */
function parseCsp(csp: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of csp.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...sources] = part.split(/\s+/);
    directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

const metaCsp = (): string => {
  const html = readFileSync(join(ROOT, 'renderer', 'index.html'), 'utf8');
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  if (!match) throw new Error('renderer/index.html has no CSP meta tag');
  return match[1];
};

describe('window options (the real windowOptions())', () => {
  const prefs = windowOptions('/app/out/preload/index.js').webPreferences!;

  it('isolates and sandboxes the renderer, with no Node anywhere', () => {
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false });
  });

  it('keeps web security on, no insecure content, experimental features or webviews', () => {
    expect(prefs).toMatchObject({ webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false, webviewTag: false, navigateOnDragDrop: false });
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.disableBlinkFeatures).toContain('Auxclick');
  });

  it('loads only our preload, and the window stays hidden until ready', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.js');
    expect(windowOptions('x').show).toBe(false);
  });
});

describe('navigation', () => {
  const page = 'file:///opt/Porthole/resources/app.asar/out/renderer/index.html';
  it('stays on our page; everything else is refused', () => {
    expect(isOwnPageUrl(`${page}#/containers`, page)).toBe(true);
    expect(isOwnPageUrl('https://example.com/', page)).toBe(false);
    expect(isOwnPageUrl('file:///etc/passwd', page)).toBe(false);
    expect(isOwnPageUrl('http://localhost:5173/x', 'http://localhost:5173/')).toBe(true);
    expect(isOwnPageUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
  });
});

describe.each([
  ['RENDERER_CSP (Electron response header)', () => RENDERER_CSP],
  ['renderer/index.html meta tag', metaCsp],
  ['browser host CSP header', () => BROWSER_HOST_CSP],
])('%s', (_name, csp) => {
  const d = parseCsp(csp());

  it("defaults to 'none' and allows script only from 'self' (no unsafe-eval, no inline, no wildcard)", () => {
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    for (const sources of d.values()) {
      expect(sources).not.toContain("'unsafe-eval'");
      expect(sources).not.toContain("'unsafe-inline'");
      expect(sources).not.toContain('*');
    }
  });

  it('forbids plugins, base rewriting and form posts', () => {
    expect(d.get('object-src') ?? d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('form-action')).toEqual(["'none'"]);
  });

  it('connects only to itself (and, for the browser bridge, loopback WebSockets)', () => {
    for (const source of d.get('connect-src') ?? []) expect(source).toMatch(/^('self'|ws:\/\/(127\.0\.0\.1|localhost):\*)$/);
  });
});

describe('fuses in packaged builds (electron-builder.yml)', () => {
  it('turn off RunAsNode, NODE_OPTIONS and --inspect; turn on cookie encryption, ASAR integrity and ASAR-only loading; re-sign macOS ad hoc', () => {
    const config = loadBuilderConfig();
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toEqual({
      resetAdHocDarwinSignature: true,
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('the Playwright test build differs only in keeping --inspect', () => {
    const e2e = loadBuilderConfig('electron-builder.e2e.yml');
    expect(e2e.extends).toBe('./electron-builder.yml');
    expect(e2e.electronFuses).toEqual({ ...loadBuilderConfig().electronFuses, enableNodeCliInspectArguments: true });
    expect(e2e.directories?.output).not.toBe(loadBuilderConfig().directories?.output);
  });
});
