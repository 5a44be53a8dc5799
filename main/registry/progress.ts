import type { LayerPhase, LayerProgress, TransferProgress } from '../../shared/api/registry';

/** One line of the engine's pull/push NDJSON stream. */
export interface ProgressLine {
  id?: string;
  status?: string;
  progressDetail?: { current?: number; total?: number };
  error?: string;
  errorDetail?: { message?: string; code?: number };
  aux?: { Tag?: string; Digest?: string; Size?: number };
}

const PHASES: [RegExp, LayerPhase][] = [
  [/^Pulling fs layer|^Waiting/i, 'waiting'],
  [/^Downloading/i, 'downloading'],
  [/^Verifying Checksum|^Download complete/i, 'verifying'],
  [/^Extracting/i, 'extracting'],
  [/^Pull complete/i, 'complete'],
  [/^Already exists|^Layer already exists/i, 'exists'],
  [/^Preparing/i, 'preparing'],
  [/^Pushing/i, 'pushing'],
  [/^Pushed|^Mounted from/i, 'complete'],
];

const LAYER_ID = /^[0-9a-f]{12}$/;

/** How far a layer is, 0…1. A pull downloads then extracts (half each); a push only uploads. */
function layerFraction(kind: 'pull' | 'push', phase: LayerPhase, current: number, total: number): number {
  const part = total > 0 ? Math.min(1, current / total) : 0;
  switch (phase) {
    case 'complete':
    case 'exists':
      return 1;
    case 'downloading':
      return 0.5 * part;
    case 'verifying':
      return 0.5;
    case 'extracting':
      return 0.5 + 0.5 * part;
    case 'pushing':
      return kind === 'push' ? part : 0;
    default:
      return 0;
  }
}

/**
 * Folds the engine's progress lines into per-layer state and a total. Error lines are kept, not
 * thrown: the caller fails the transfer with the engine's words once the stream ends.
 */
export class TransferTracker {
  private readonly layers = new Map<string, LayerProgress>();
  private readonly messages: string[] = [];
  private digest: string | undefined;
  private done = false;
  error: string | null = null;

  constructor(
    private readonly kind: 'pull' | 'push',
    private readonly reference: string,
  ) {}

  /** Returns true when the line changed what a user would see. */
  apply(line: ProgressLine): boolean {
    if (line.error || line.errorDetail) {
      this.error = (line.errorDetail?.message ?? line.error ?? 'The engine reported an error.').trim();
      return true;
    }
    if (line.aux?.Digest) this.digest = line.aux.Digest;
    const status = (line.status ?? '').trim();
    if (!status) return false;
    const digest = /(?:^Digest: |digest: )(sha256:[0-9a-f]{64})/.exec(status);
    if (digest) this.digest = digest[1];
    const phase = PHASES.find(([re]) => re.test(status))?.[1];
    if (line.id && LAYER_ID.test(line.id) && phase) {
      const prior = this.layers.get(line.id);
      const current = line.progressDetail?.current ?? (phase === prior?.phase ? prior.current : 0);
      const total = line.progressDetail?.total ?? (prior?.total ?? 0);
      this.layers.set(line.id, {
        id: line.id,
        phase,
        status,
        current,
        total,
        fraction: layerFraction(this.kind, phase, current, total),
      });
      return true;
    }
    this.messages.push(line.id && !LAYER_ID.test(line.id) && !status.includes(line.id) ? `${line.id}: ${status}` : status);
    if (this.messages.length > 50) this.messages.shift();
    return true;
  }

  finish(): void {
    this.done = true;
  }

  snapshot(): TransferProgress {
    const layers = [...this.layers.values()].map((l) => ({ ...l }));
    const fractions = layers.map((l) => l.fraction);
    const mean = fractions.length ? fractions.reduce((a, b) => a + b, 0) / fractions.length : 0;
    // Bytes: what has been moved of the sizes known so far (a finished layer counts whole).
    let bytesCurrent = 0;
    let bytesTotal = 0;
    for (const l of layers) {
      if (l.total <= 0) continue;
      bytesTotal += l.total;
      const moved = l.phase === 'downloading' || l.phase === 'pushing' ? l.current : l.phase === 'waiting' || l.phase === 'preparing' ? 0 : l.total;
      bytesCurrent += Math.min(moved, l.total);
    }
    return {
      kind: this.kind,
      reference: this.reference,
      layers,
      percent: this.done ? 100 : Math.min(99, Math.floor(mean * 100)),
      bytesCurrent,
      bytesTotal,
      messages: [...this.messages],
      done: this.done,
      ...(this.digest ? { digest: this.digest } : {}),
    };
  }
}
