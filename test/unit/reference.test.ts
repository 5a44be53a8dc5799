import { describe, expect, it } from 'vitest';
import { checkImageReference, normaliseReference } from '../../shared/reference';

const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;

describe('checkImageReference', () => {
  it.each([
    ['greeting-app', { name: 'greeting-app' }],
    ['greeting-app:1.0', { name: 'greeting-app', tag: '1.0' }],
    ['127.0.0.1:5000/app:1', { name: '127.0.0.1:5000/app', tag: '1' }],
    [`ghcr.io/org/app@${DIGEST}`, { name: 'ghcr.io/org/app', digest: DIGEST }],
    ['localhost/x', { name: 'localhost/x' }],
    ['my_org/app__x.y-z:Tag_1.2-rc', { name: 'my_org/app__x.y-z', tag: 'Tag_1.2-rc' }],
  ])('accepts %s', (input, ref) => {
    const check = checkImageReference(input);
    expect(check).toEqual({ ok: true, ref: { tag: undefined, digest: undefined, ...ref } });
  });

  it.each([
    ['Greeting-App', /lowercase/],
    ['', /empty/],
    ['a:b:c', /not a valid image reference/],
    ['app-', /not a valid image reference/],
    ['app:-tag', /not a valid image reference/],
    ['app@sha256:short', /not a valid image reference/],
    [' app', /not a valid image reference/],
  ])('refuses %j', (input, reason) => {
    const check = checkImageReference(input);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(reason);
  });

  it('refuses a name of 256 characters or more, accepts 255', () => {
    expect(checkImageReference('a'.repeat(255)).ok).toBe(true);
    const long = checkImageReference('a'.repeat(256));
    expect(long).toEqual({ ok: false, reason: expect.stringMatching(/255/) });
    expect(checkImageReference(`${'a'.repeat(300)}:1`).ok).toBe(false);
    expect(checkImageReference('a'.repeat(10_000)).ok).toBe(false);
  });

  it('normaliseReference adds :latest only when neither tag nor digest is given', () => {
    expect(normaliseReference('app')).toBe('app:latest');
    expect(normaliseReference('app:1')).toBe('app:1');
    expect(normaliseReference(`app@${DIGEST}`)).toBe(`app@${DIGEST}`);
    expect(normaliseReference('127.0.0.1:5000/app')).toBe('127.0.0.1:5000/app:latest');
  });
});
