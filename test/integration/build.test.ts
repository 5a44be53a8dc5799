import { describe, expect, it, vi } from 'vitest';
import type { BuildEvent } from '../../shared/api/images';
import { useCore, useProxiedCore } from '../support/core';
import { removeAfterAll } from '../support/remove-after-all';
import { docker, dockerCli, makeContext, testLabels, TEST_LABEL, RUN_ID } from '../support/engine';
import { uniqueName } from '../support/run-id';
import { openStream, until } from '../support/api-stream';

const made = removeAfterAll();
const newTag = (prefix: string) => {
  const tag = `${uniqueName(prefix)}:1`;
  made.images.push(tag);
  return tag;
};

async function imageExists(tag: string): Promise<boolean> {
  return docker
    .getImage(tag)
    .inspect()
    .then(() => true)
    .catch(() => false);
}

describe('images:build through the API (real dockerd)', () => {
  const core = useCore();

  /** Builds a context (busybox, `files` and `.dockerignore`) that copies itself to /ctx, through the API; lists what the image holds there. */
  async function filesShipped(dockerignore: string, files: Record<string, string>, tagPrefix: string): Promise<string[]> {
    const dockerfile = 'FROM scratch\nCOPY busybox /bin/busybox\nCOPY . /ctx/\n';
    const context = await makeContext({ Dockerfile: dockerfile, '.dockerignore': dockerignore, ...files }, { busybox: true });
    const tag = newTag(tagPrefix);
    const stream = openStream(core, 'images:build', { context, tag, labels: testLabels() });
    expect(await stream.finished).toEqual({ kind: 'end' });
    return (await dockerCli('run', '--rm', '--label', `${TEST_LABEL}=${RUN_ID}`, tag, '/bin/busybox', 'find', '/ctx', '-type', 'f')).split('\n').sort();
  }

  it('streams steps, ends with done and an image the engine knows, labelled', async () => {
    const context = await makeContext(
      { Dockerfile: 'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "echo", "building é 🐳"]\n' },
      { busybox: true },
    );
    const tag = newTag('build-ok');
    const stream = openStream(core, 'images:build', { context, tag, labels: testLabels(), noCache: true });
    expect(await stream.finished).toEqual({ kind: 'end' });
    const events = stream.data.flat();
    const steps = events.filter((e): e is Extract<BuildEvent, { kind: 'step' }> => e.kind === 'step');
    // The classic builder turns the `labels` option into one more step (LABEL) after the Dockerfile's three.
    expect(steps.map((s) => `${s.index}/${s.total}`)).toEqual(['1/4', '2/4', '3/4', '4/4']);
    expect(steps.map((s) => s.instruction)).toEqual([
      'FROM scratch',
      'COPY busybox /bin/busybox',
      'RUN ["/bin/busybox", "echo", "building é 🐳"]',
      expect.stringMatching(new RegExp(`^LABEL ${TEST_LABEL.replace('.', '\\.')}=${RUN_ID}`)),
    ]);
    expect(events.some((e) => e.kind === 'output' && e.text.includes('building é 🐳'))).toBe(true);
    const done = events.at(-1);
    expect(done).toMatchObject({ kind: 'done', tag });
    const imageId = (done as { imageId: string }).imageId;
    expect(imageId).toMatch(/^(sha256:)?[0-9a-f]{12,}$/);
    const inspected = JSON.parse(await dockerCli('image', 'inspect', tag)) as { Id: string; Config: { Labels: Record<string, string> } }[];
    expect(inspected[0].Id).toContain(imageId.replace(/^sha256:/, ''));
    expect(inspected[0].Config.Labels[TEST_LABEL]).toBe(RUN_ID);
  });

  it('a failing RUN ends with BUILD_FAILED carrying the engine’s message (the failure arrives inside an HTTP 200)', async () => {
    const context = await makeContext({ Dockerfile: 'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "false"]\n' }, { busybox: true });
    const tag = newTag('build-fail');
    const stream = openStream(core, 'images:build', { context, tag, labels: testLabels() });
    const end = await stream.finished;
    expect(end).toMatchObject({ kind: 'error', error: { code: 'BUILD_FAILED', message: expect.stringMatching(/returned a non-zero code: 1/) } });
    expect(stream.data.flat().some((e) => e.kind === 'failed')).toBe(true);
    expect(await imageExists(tag)).toBe(false);
  });

  it('honours .dockerignore, top-level and nested patterns', async () => {
    const files = await filesShipped(
      'secret.txt\n*.log\nconfig/local.env\n**/*.tmp\ncache\n!keep.log\n',
      {
        'keep.txt': 'keep',
        'secret.txt': 'do not ship',
        'debug.log': 'noise',
        'keep.log': 'wanted',
        'config/app.env': 'A=1',
        'config/local.env': 'PASSWORD=hunter2',
        'src/deep/file.tmp': 'scratch',
        'src/deep/main.txt': 'code',
        'cache/big.bin': 'x',
      },
      'build-ignore',
    );
    expect(files).toEqual(expect.arrayContaining(['/ctx/keep.txt', '/ctx/keep.log', '/ctx/config/app.env', '/ctx/src/deep/main.txt']));
    for (const excluded of ['/ctx/secret.txt', '/ctx/debug.log', '/ctx/config/local.env', '/ctx/src/deep/file.tmp', '/ctx/cache/big.bin']) {
      expect(files, excluded).not.toContain(excluded);
    }
  });

  it('builds when .dockerignore excludes everything but what it re-includes (the Dockerfile is still sent, not copied)', async () => {
    const files = await filesShipped('*\n!busybox\n!app\n', { 'app/main.txt': 'code', 'notes.md': 'not shipped' }, 'build-allowlist');
    expect(files).toEqual(['/ctx/app/main.txt', '/ctx/busybox']);
  });

  it('bad context folder, missing Dockerfile and invalid tag → VALIDATION', async () => {
    const context = await makeContext({ 'README.md': 'no Dockerfile here' });
    const missingFolder = openStream(core, 'images:build', { context: `${context}/nope`, tag: newTag('v1') });
    expect(await missingFolder.finished).toMatchObject({ kind: 'error', error: { code: 'VALIDATION', message: expect.stringContaining('does not exist') } });
    const noDockerfile = openStream(core, 'images:build', { context, tag: newTag('v2') });
    expect(await noDockerfile.finished).toMatchObject({ kind: 'error', error: { code: 'VALIDATION', message: expect.stringContaining('Dockerfile') } });
    const relative = openStream(core, 'images:build', { context: 'relative/path', tag: newTag('v3') });
    expect(await relative.finished).toMatchObject({ kind: 'error', error: { code: 'VALIDATION' } });
    for (const tag of ['Bad_Tag', 'a:b:c', 'trailing-', '']) {
      const bad = openStream(core, 'images:build', { context, tag });
      expect(await bad.finished, tag).toMatchObject({ kind: 'error', error: { code: 'VALIDATION' } });
    }
    const escape = openStream(core, 'images:build', { context, tag: newTag('v4'), dockerfile: '../Dockerfile' });
    expect(await escape.finished).toMatchObject({ kind: 'error', error: { code: 'VALIDATION' } });
    // Known limit: a Dockerfile inside a folder .dockerignore excludes is not sent; the user is told why.
    const hidden = await makeContext({ '.dockerignore': 'build\n', 'build/app.Dockerfile': 'FROM scratch\n' });
    const excluded = openStream(core, 'images:build', { context: hidden, tag: newTag('v5'), dockerfile: 'build/app.Dockerfile' });
    expect(await excluded.finished).toMatchObject({ kind: 'error', error: { code: 'VALIDATION', message: expect.stringContaining('.dockerignore') } });
  });
});

describe('cancelling a build', () => {
  const { core, proxy } = useProxiedCore();

  it('unsubscribing mid-build stops the handler and no image with the tag appears', async () => {
    const marker = uniqueName('sleeper');
    const context = await makeContext(
      { Dockerfile: `FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "sh", "-c", "sleep 30 # ${marker}"]\nRUN ["/bin/busybox", "true"]\n` },
      { busybox: true },
    );
    const tag = newTag('build-cancel');
    const buildConnections = () => proxy.connections.filter((c) => c.requests.some((r) => r.includes('/build?')));
    // No noCache: the COPY step reuses the base image's cached layer, so a cancelled build leaves no orphan layer behind.
    const stream = openStream(core, 'images:build', { context, tag, labels: testLabels() });
    await until(() => stream.data.flat().some((e) => e.kind === 'step' && e.index === 3), 20_000, 'the sleep step');
    expect(buildConnections().filter((c) => c.open)).toHaveLength(1);

    stream.close();
    expect(core.router.openStreamCount()).toBe(0);
    // The request to the engine is torn down, not just hidden from the caller.
    await until(() => buildConnections().every((c) => !c.open), 5_000, 'build connection closed');
    const seen = stream.messages.length;
    await new Promise((r) => setTimeout(r, 1500));
    expect(stream.messages.length).toBe(seen);
    expect(await imageExists(tag)).toBe(false);
    // The engine stops the build too: the sleeping step's container goes away long before its 30 s.
    const sleepers = async () => (await docker.listContainers({ all: true })).filter((c) => c.Command.includes(marker));
    await vi.waitFor(async () => expect(await sleepers()).toEqual([]), { timeout: 15_000, interval: 250 });
    expect(await imageExists(tag)).toBe(false);
  });
});
