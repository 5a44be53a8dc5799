import { describe, expect, it } from 'vitest';
import { JsonLinesParser } from '../../main/engine/json-lines';
import { normaliseEvent } from '../../main/engine/event-normaliser';
import type { EngineEvent } from '../../shared/dto';

// timeNano above 2^53: JSON.parse would round it; the parser must keep the engine's digits.
const MODERN_START =
  '{"status":"start","id":"c0ffee","from":"app:1","Type":"container","Action":"start","Actor":{"ID":"c0ffee","Attributes":{"image":"app:1","name":"caf\u00e9-\u{1F433}-\u4e2d"}},"scope":"local","time":1700000000,"timeNano":1700000000123456789}';
const MODERN_IMAGE_TAG =
  '{"Type":"image","Action":"tag","Actor":{"ID":"sha256:abc","Attributes":{"name":"app:2"}},"scope":"local","time":1700000001,"timeNano":1700000001987654321}';
const MALFORMED = '{"Type":"container","Action":"die",';
const LEGACY_DIE = '{"status":"die","id":"deadbeef","from":"busybox","time":1400000000}';
const LEGACY_IMAGE_DELETE = '{"status":"delete","id":"sha256:feed","time":1400000002}';

const FIXTURE = Buffer.from([MODERN_START, MODERN_IMAGE_TAG, MALFORMED, LEGACY_DIE, '', LEGACY_IMAGE_DELETE].join('\n') + '\n', 'utf8');

const EXPECTED: EngineEvent[] = [
  {
    type: 'container',
    action: 'start',
    id: 'c0ffee',
    attributes: { image: 'app:1', name: 'café-🐳-中' },
    timeNano: '1700000000123456789',
    timeMs: 1700000000123,
    scope: 'local',
  },
  {
    type: 'image',
    action: 'tag',
    id: 'sha256:abc',
    attributes: { name: 'app:2' },
    timeNano: '1700000001987654321',
    timeMs: 1700000001987,
    scope: 'local',
  },
  { type: 'container', action: 'die', id: 'deadbeef', attributes: { image: 'busybox' }, timeNano: '1400000000000000000', timeMs: 1400000000000 },
  { type: 'image', action: 'delete', id: 'sha256:feed', attributes: {}, timeNano: '1400000002000000000', timeMs: 1400000002000 },
];

function parseChunks(chunks: Buffer[]): { events: EngineEvent[]; malformed: string[] } {
  const events: EngineEvent[] = [];
  const malformed: string[] = [];
  const parser = new JsonLinesParser(
    ({ value, text }) => {
      const event = normaliseEvent(value, text);
      if (event) events.push(event);
    },
    (text) => malformed.push(text),
  );
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return { events, malformed };
}

describe('engine events parser', () => {
  it('the fixture really holds a multi-byte character and a timeNano beyond float precision', () => {
    expect(FIXTURE.length).toBeGreaterThan(FIXTURE.toString('utf8').length);
    expect(Number.isSafeInteger(Number('1700000000123456789'))).toBe(false);
  });

  it('parses the whole stream in one chunk', () => {
    const { events, malformed } = parseChunks([FIXTURE]);
    expect(events).toEqual(EXPECTED);
    expect(malformed).toEqual([MALFORMED]);
  });

  it('gives the same events when the stream is split at every byte offset', () => {
    for (let offset = 1; offset < FIXTURE.length; offset++) {
      const { events, malformed } = parseChunks([FIXTURE.subarray(0, offset), FIXTURE.subarray(offset)]);
      expect(events, `split at byte ${offset}`).toEqual(EXPECTED);
      expect(malformed, `split at byte ${offset}`).toEqual([MALFORMED]);
    }
  });

  it('gives the same events when the stream arrives one byte at a time', () => {
    const chunks = Array.from({ length: FIXTURE.length }, (_, i) => FIXTURE.subarray(i, i + 1));
    const { events, malformed } = parseChunks(chunks);
    expect(events).toEqual(EXPECTED);
    expect(malformed).toEqual([MALFORMED]);
  });

  it('keeps a last line that has no newline when the stream ends', () => {
    const { events } = parseChunks([Buffer.from(LEGACY_DIE)]);
    expect(events).toEqual([EXPECTED[2]]);
  });

  it('ignores JSON that is not an event', () => {
    expect(normaliseEvent(null)).toBeNull();
    expect(normaliseEvent('start')).toBeNull();
    expect(normaliseEvent({ Type: 'container', Action: 'start' })).toBeNull();
  });
});
