import { StringDecoder } from 'node:string_decoder';

export interface ParsedLine {
  value: unknown;
  /** The line as the engine sent it (lets callers read fields JSON numbers would round, like `timeNano`). */
  text: string;
}

/**
 * Parses a JSON-lines (NDJSON) stream that arrives in arbitrary chunks: a chunk may end inside a line
 * or inside a multi-byte character. A malformed line is reported and skipped; it never stops the stream.
 */
export class JsonLinesParser {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';

  constructor(
    private readonly onLine: (line: ParsedLine) => void,
    private readonly onMalformed: (text: string, error: Error) => void = () => {},
  ) {}

  push(chunk: Buffer | string): void {
    this.pending += typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    let newline = this.pending.indexOf('\n');
    while (newline !== -1) {
      this.emit(this.pending.slice(0, newline));
      this.pending = this.pending.slice(newline + 1);
      newline = this.pending.indexOf('\n');
    }
  }

  /** Call when the stream ends: a last line without a newline still counts. */
  end(): void {
    this.pending += this.decoder.end();
    if (this.pending.length > 0) this.emit(this.pending);
    this.pending = '';
  }

  private emit(raw: string): void {
    const text = raw.trim();
    if (text.length === 0) return;
    try {
      this.onLine({ value: JSON.parse(text), text });
    } catch (error) {
      this.onMalformed(text, error as Error);
    }
  }
}
