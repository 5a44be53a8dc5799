import { describe, expect, it } from 'vitest';
import { parseBuildForm, tagError, type BuildForm } from '../../../renderer/src/features/images/build-form';
import { buildParams } from '../../../shared/api/images';

const form = (patch: Partial<BuildForm> = {}): BuildForm => ({ folder: '/src/greeting-app', tag: 'greeting-app', dockerfile: 'Dockerfile', args: [], ...patch });

describe('the build form', () => {
  it('validates tags as the docker CLI does, in words', () => {
    for (const good of ['greeting-app', 'greeting-app:1.0', 'localhost:5000/team/app:v2', 'a__b', 'x.y-z']) expect(tagError(good)).toBeNull();
    expect(tagError('')).toMatch(/Give the image a name/);
    expect(tagError('Greeting')).toBe('"Greeting" is not valid: repository names must be lowercase.');
    expect(tagError('greeting app')).toMatch(/is not a valid image reference/);
    expect(tagError('app:')).toMatch(/is not a valid image reference/);
    expect(tagError('-app')).toMatch(/is not a valid image reference/);
    expect(tagError(`app@sha256:${'a'.repeat(64)}`)).toMatch(/cannot carry a digest/);
  });

  it('turns the form into images:build params the schema accepts, build args included', () => {
    const r = parseBuildForm(
      form({
        dockerfile: ' docker/app.Dockerfile ',
        args: [
          { key: 1, name: 'VERSION', value: '1.2' },
          { key: 2, name: '', value: '' },
          { key: 3, name: '_X', value: 'a=b c' },
        ],
      }),
    );
    expect(r).toEqual({
      ok: true,
      params: { context: '/src/greeting-app', tag: 'greeting-app', dockerfile: 'docker/app.Dockerfile', buildArgs: { VERSION: '1.2', _X: 'a=b c' } },
    });
    if (r.ok) expect(buildParams.safeParse(r.params).success).toBe(true);
  });

  it('says what is wrong with each field', () => {
    const r = parseBuildForm({ folder: 'relative/dir', tag: 'Bad', dockerfile: '../Dockerfile', args: [{ key: 1, name: '1X', value: '' }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.folder).toMatch(/full path/);
    expect(r.errors.tag).toMatch(/lowercase/);
    expect(r.errors.dockerfile).toMatch(/inside the folder/);
    expect(r.errors.args).toMatch(/"1X" is not a valid build-arg name/);
    const dup = parseBuildForm(form({ args: [{ key: 1, name: 'A', value: '1' }, { key: 2, name: 'A', value: '2' }] }));
    expect(dup.ok ? null : dup.errors.args).toBe('The build arg A is given twice.');
    const empty = parseBuildForm(form({ folder: '  ', dockerfile: '' }));
    expect(empty.ok ? null : empty.errors.folder).toMatch(/Choose the folder/);
  });
});
