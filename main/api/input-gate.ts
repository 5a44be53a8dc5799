/** Per-stream input limits: a token bucket on messages and on bytes, so a runaway sender is refused, not queued. */
export class InputGate {
  private messages: number;
  private bytes: number;
  private last: number;

  constructor(
    private readonly messagesPerSecond = 400,
    private readonly bytesPerSecond = 4 * 1024 * 1024,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.messages = messagesPerSecond;
    this.bytes = bytesPerSecond;
    this.last = now();
  }

  /** Null when admitted; otherwise why not. */
  admit(size: number): string | null {
    const t = this.now();
    const elapsed = (t - this.last) / 1000;
    this.last = t;
    this.messages = Math.min(this.messagesPerSecond, this.messages + elapsed * this.messagesPerSecond);
    this.bytes = Math.min(this.bytesPerSecond, this.bytes + elapsed * this.bytesPerSecond);
    if (this.messages < 1) return `More than ${this.messagesPerSecond} messages a second were sent to this stream; slow down.`;
    if (this.bytes < size) return `More than ${Math.round(this.bytesPerSecond / 1024 / 1024)} MiB a second were sent to this stream; slow down.`;
    this.messages -= 1;
    this.bytes -= size;
    return null;
  }
}
