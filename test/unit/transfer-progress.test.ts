import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { TransferTracker } from '../../main/registry/progress';
import { registryErrorCode } from '../../main/registry/registry-errors';
import { registryOf, splitForPull } from '../../main/registry/reference-host';
import { readTar } from '../../main/lib/tar-reader';

describe('TransferTracker', () => {
  it('follows each layer through download and extract, and reaches 100 % only when finished', () => {
    const t = new TransferTracker('pull', 'app:1');
    t.apply({ status: 'Pulling from app', id: '1' });
    t.apply({ status: 'Pulling fs layer', id: 'aaaaaaaaaaaa' });
    t.apply({ status: 'Pulling fs layer', id: 'bbbbbbbbbbbb' });
    t.apply({ status: 'Downloading', id: 'aaaaaaaaaaaa', progressDetail: { current: 50, total: 100 } });
    let s = t.snapshot();
    expect(s.layers.map((l) => [l.id, l.phase, l.fraction])).toEqual([
      ['aaaaaaaaaaaa', 'downloading', 0.25],
      ['bbbbbbbbbbbb', 'waiting', 0],
    ]);
    expect(s.percent).toBe(12);
    expect([s.bytesCurrent, s.bytesTotal]).toEqual([50, 100]);
    t.apply({ status: 'Download complete', id: 'aaaaaaaaaaaa' });
    t.apply({ status: 'Extracting', id: 'aaaaaaaaaaaa', progressDetail: { current: 100, total: 100 } });
    t.apply({ status: 'Pull complete', id: 'aaaaaaaaaaaa' });
    t.apply({ status: 'Already exists', id: 'bbbbbbbbbbbb' });
    t.apply({ status: 'Digest: sha256:' + 'c'.repeat(64) });
    s = t.snapshot();
    expect(s.percent).toBe(99);
    expect(s.layers.every((l) => l.fraction === 1)).toBe(true);
    t.finish();
    s = t.snapshot();
    expect([s.percent, s.done, s.digest]).toEqual([100, true, 'sha256:' + 'c'.repeat(64)]);
    expect(s.messages).toContain('1: Pulling from app');
  });

  it('keeps an error line inside the stream instead of counting it as progress', () => {
    const t = new TransferTracker('pull', 'app:nope');
    t.apply({ errorDetail: { message: 'manifest for app:nope not found: manifest unknown' }, error: 'x' });
    expect(t.error).toBe('manifest for app:nope not found: manifest unknown');
    expect(registryErrorCode(t.error!)).toBe('NOT_FOUND');
  });

  it('reads push lines: upload progress, then Pushed / Layer already exists', () => {
    const t = new TransferTracker('push', 'r/app:1');
    t.apply({ status: 'Preparing', id: 'aaaaaaaaaaaa' });
    t.apply({ status: 'Pushing', id: 'aaaaaaaaaaaa', progressDetail: { current: 30, total: 60 } });
    t.apply({ status: 'Layer already exists', id: 'bbbbbbbbbbbb' });
    expect(t.snapshot().percent).toBe(75);
    t.apply({ status: 'Pushed', id: 'aaaaaaaaaaaa' });
    t.apply({ status: '1: digest: sha256:' + 'd'.repeat(64) + ' size: 735' });
    expect(t.snapshot().digest).toBe('sha256:' + 'd'.repeat(64));
  });
});

describe('registry words to codes and references to hosts', () => {
  it.each([
    ['no basic auth credentials', 'UNAUTHORIZED'],
    ['pull access denied for x, repository does not exist or may require \'docker login\'', 'UNAUTHORIZED'],
    ['Get "https://r:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused', 'NETWORK'],
    ['manifest unknown', 'NOT_FOUND'],
    ['something else', 'INTERNAL'],
  ])('%s → %s', (message, code) => expect(registryErrorCode(message)).toBe(code));

  it('finds the registry as the docker CLI does', () => {
    expect(registryOf('nginx')).toBe('docker.io');
    expect(registryOf('library/nginx:1')).toBe('docker.io');
    expect(registryOf('ghcr.io/org/app@sha256:' + 'a'.repeat(64))).toBe('ghcr.io');
    expect(registryOf('127.0.0.1:5000/app:1')).toBe('127.0.0.1:5000');
    expect(registryOf('localhost/app')).toBe('localhost');
    expect(splitForPull('nginx')).toEqual({ fromImage: 'nginx', tag: 'latest' });
    expect(splitForPull('127.0.0.1:5000/app:1')).toEqual({ fromImage: '127.0.0.1:5000/app', tag: '1' });
    expect(splitForPull('app@sha256:' + 'a'.repeat(64))).toEqual({ fromImage: 'app', tag: 'sha256:' + 'a'.repeat(64) });
  });
});

function tarHeader(name: string, size: number, flag: string): Buffer {
  const h = Buffer.alloc(512);
  h.write(name.slice(0, 100), 0);
  h.write('0000644\0', 100);
  h.write(size.toString(8).padStart(11, '0') + '\0', 124);
  h.write('00000000001\0', 136);
  h.write(flag, 156);
  h.write('ustar\0', 257);
  return h;
}
const pad = (b: Buffer) => Buffer.concat([b, Buffer.alloc((512 - (b.length % 512)) % 512)]);

describe('readTar', () => {
  it('reads entries split across arbitrary chunks, with a GNU long name and bodies on request', async () => {
    const long = `dir/${'x'.repeat(150)}.txt`;
    const body = Buffer.from('hello tar');
    const tar = Buffer.concat([
      tarHeader('dir/', 0, '5'),
      tarHeader('././@LongLink', long.length + 1, 'L'),
      pad(Buffer.from(long + '\0')),
      tarHeader('dir/short', body.length, '0'),
      pad(body),
      Buffer.alloc(1024),
    ]);
    const chunks = [];
    for (let i = 0; i < tar.length; i += 7) chunks.push(tar.subarray(i, i + 7));
    const seen: [string, string, number, string | null][] = [];
    await readTar(Readable.from(chunks), (e, b) => void seen.push([e.path, e.type, e.size, b ? b.toString() : null]), () => true);
    expect(seen).toEqual([
      ['dir/', 'directory', 0, null],
      [long, 'file', body.length, 'hello tar'],
    ]);
  });
});
