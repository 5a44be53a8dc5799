import { describe, expect, it } from 'vitest';
import { baseImagesOf } from '../../main/deploy/base-images';

describe('baseImagesOf (the images a deploy must have before it builds)', () => {
  it('lists FROM images in order, after the registry-mirror prefix, once each', () => {
    const dockerfile = 'FROM 127.0.0.1:5000/library/node:22-slim\nRUN echo\nFROM 127.0.0.1:5000/library/node:22-slim\n';
    expect(baseImagesOf(dockerfile)).toEqual(['127.0.0.1:5000/library/node:22-slim']);
  });

  it('skips scratch, earlier build stages and ARG-built references; reads past --platform', () => {
    const dockerfile = [
      'ARG BASE=alpine',
      'FROM --platform=linux/amd64 golang:1.22 AS build',
      'RUN go build',
      'FROM ${BASE}:3',
      'from build as test',
      'FROM scratch',
      'COPY --from=build /app /app',
    ].join('\n');
    expect(baseImagesOf(dockerfile)).toEqual(['golang:1.22']);
  });

  it('understands a FROM continued on the next line and is empty without FROM', () => {
    expect(baseImagesOf('FROM \\\n  python:3.12-slim AS app\n')).toEqual(['python:3.12-slim']);
    expect(baseImagesOf('# nothing here\n')).toEqual([]);
  });
});
