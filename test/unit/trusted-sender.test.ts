import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../main/shell/trusted-sender';

const FILE_PAGE = 'file:///opt/Porthole/resources/app.asar/out/renderer/index.html';
const DEV_PAGE = 'http://localhost:5173/';

describe('isTrustedSender', () => {
  it('accepts our own top-level file:// page (with a hash or query)', () => {
    expect(isTrustedSender({ url: FILE_PAGE, parent: null }, FILE_PAGE)).toBe(true);
    expect(isTrustedSender({ url: `${FILE_PAGE}#/images`, parent: null }, FILE_PAGE)).toBe(true);
    expect(isTrustedSender({ url: `${FILE_PAGE}?x=1`, parent: null }, FILE_PAGE)).toBe(true);
  });

  it('refuses a null or missing frame (destroyed or navigated away)', () => {
    expect(isTrustedSender(null, FILE_PAGE)).toBe(false);
    expect(isTrustedSender(undefined, FILE_PAGE)).toBe(false);
  });

  it('refuses a sub-frame even when it shows our page', () => {
    expect(isTrustedSender({ url: FILE_PAGE, parent: { url: FILE_PAGE } }, FILE_PAGE)).toBe(false);
  });

  it('refuses another file on disk and any foreign origin', () => {
    expect(isTrustedSender({ url: 'file:///tmp/evil.html', parent: null }, FILE_PAGE)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null }, FILE_PAGE)).toBe(false);
    expect(isTrustedSender({ url: 'http://localhost:5174/', parent: null }, DEV_PAGE)).toBe(false);
    expect(isTrustedSender({ url: 'https://localhost:5173/', parent: null }, DEV_PAGE)).toBe(false);
    expect(isTrustedSender({ url: 'not a url', parent: null }, FILE_PAGE)).toBe(false);
    expect(isTrustedSender({ url: 'about:blank', parent: null }, FILE_PAGE)).toBe(false);
  });

  it('accepts any path on the dev server’s own origin', () => {
    expect(isTrustedSender({ url: 'http://localhost:5173/containers', parent: null }, DEV_PAGE)).toBe(true);
  });
});
