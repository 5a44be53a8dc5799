import { describe, expect, it } from 'vitest';
import { LineSplitter, LogDemuxer, splitTimestamp, type StdStream } from '../../main/engine/log-demux';

function frame(stream: 1 | 2, text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

// Multi-byte characters straddle frame boundaries: a line is split across two frames of the same stream.
const STREAM = Buffer.concat([
  frame(1, 'hello wörld\nsecond '),
  frame(2, 'oops: ✗ failed\n'),
  frame(1, 'line 🐳\n'),
  frame(2, ''),
  frame(1, 'no newline at end'),
]);

interface Line {
  stream: StdStream;
  text: string;
}

function demux(chunks: Buffer[]): Line[] {
  const lines: Line[] = [];
  const splitters = {
    stdout: new LineSplitter((text) => lines.push({ stream: 'stdout', text })),
    stderr: new LineSplitter((text) => lines.push({ stream: 'stderr', text })),
  };
  const demuxer = new LogDemuxer((stream, payload) => splitters[stream === 'stderr' ? 'stderr' : 'stdout'].push(payload));
  for (const chunk of chunks) demuxer.push(chunk);
  splitters.stdout.end();
  splitters.stderr.end();
  return lines;
}

const EXPECTED: Line[] = [
  { stream: 'stdout', text: 'hello wörld' },
  { stream: 'stderr', text: 'oops: ✗ failed' },
  { stream: 'stdout', text: 'second line 🐳' },
  { stream: 'stdout', text: 'no newline at end' },
];

describe('LogDemuxer + LineSplitter', () => {
  it('tells stdout from stderr in one chunk', () => {
    expect(demux([STREAM])).toEqual(EXPECTED);
  });

  it('gives the same lines with the stream split at every byte offset', () => {
    for (let offset = 1; offset < STREAM.length; offset++) {
      expect(demux([STREAM.subarray(0, offset), STREAM.subarray(offset)]), `split at ${offset}`).toEqual(EXPECTED);
    }
  });

  it('gives the same lines with the stream split at every pair of offsets', () => {
    for (let a = 1; a < STREAM.length; a += 3) {
      for (let b = a + 1; b < STREAM.length; b += 5) {
        expect(demux([STREAM.subarray(0, a), STREAM.subarray(a, b), STREAM.subarray(b)]), `split at ${a},${b}`).toEqual(EXPECTED);
      }
    }
  });

  it('gives the same lines in 1-byte chunks', () => {
    expect(demux(Array.from({ length: STREAM.length }, (_, i) => STREAM.subarray(i, i + 1)))).toEqual(EXPECTED);
  });
});

describe('LineSplitter (TTY logs)', () => {
  it('strips CR of CRLF and keeps multi-byte characters split across chunks', () => {
    const raw = Buffer.from('ça va\r\n🐳 ok\r\nlast', 'utf8');
    for (let offset = 1; offset < raw.length; offset++) {
      const lines: string[] = [];
      const splitter = new LineSplitter((l) => lines.push(l));
      splitter.push(raw.subarray(0, offset));
      splitter.push(raw.subarray(offset));
      splitter.end();
      expect(lines, `split at ${offset}`).toEqual(['ça va', '🐳 ok', 'last']);
    }
  });
});

describe('splitTimestamp', () => {
  it('splits the engine’s RFC3339Nano prefix and leaves other lines alone', () => {
    expect(splitTimestamp('2024-05-01T10:00:00.123456789Z hello world')).toEqual({ timeMs: Date.parse('2024-05-01T10:00:00.123Z'), text: 'hello world' });
    expect(splitTimestamp('2024-05-01T10:00:00Z ')).toEqual({ timeMs: Date.parse('2024-05-01T10:00:00Z'), text: '' });
    expect(splitTimestamp('plain line with spaces')).toEqual({ text: 'plain line with spaces' });
    expect(splitTimestamp('not-a-timestamp-at-all-x rest')).toEqual({ text: 'not-a-timestamp-at-all-x rest' });
  });
});
