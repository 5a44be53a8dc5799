import { describe, expect, it } from 'vitest';
import { devRendererUrl, testHooksEnabled } from '../../../main/shell/dev-switches';

describe('development switches (defect 7)', () => {
  const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173/', PORTHOLE_TEST_HOOKS: '1' };

  it('do nothing in a packaged app', () => {
    expect(devRendererUrl({ isPackaged: true, env })).toBeUndefined();
    expect(testHooksEnabled({ isPackaged: true, env })).toBe(false);
  });

  it('work in development', () => {
    expect(devRendererUrl({ isPackaged: false, env })).toBe('http://localhost:5173/');
    expect(testHooksEnabled({ isPackaged: false, env })).toBe(true);
  });

  it('a dev renderer URL must be a loopback http(s) page', () => {
    for (const value of ['https://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url', 'http://10.0.0.1:5173/']) {
      expect(devRendererUrl({ isPackaged: false, env: { ELECTRON_RENDERER_URL: value } }), value).toBeUndefined();
    }
    expect(testHooksEnabled({ isPackaged: false, env: {} })).toBe(false);
  });
});
