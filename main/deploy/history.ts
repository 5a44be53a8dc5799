import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../lib/atomic-file';
import { join } from 'node:path';
import type { DeployHistoryEntry } from '../../shared/api/deploy';
import { dataDir } from '../lib/data-dir';
import type { CoreEvents } from '../lib/event-bus';

const KEEP_PER_APP = 20;

/**
 * The last deploys of each app, in a small JSON file. A file rather than engine labels because failed
 * and cancelled deploys leave no container or image to carry a label, and history should survive a prune.
 * Labels (`porthole.app`, `porthole.deploy.*`) still mark what is running, so the engine stays the
 * truth for "which container is this app".
 */
export class DeployHistory {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dir: string = dataDir(),
    private readonly events?: CoreEvents,
  ) {}

  private get file(): string {
    return join(this.dir, 'deploy-history.json');
  }

  async list(app?: string): Promise<DeployHistoryEntry[]> {
    const all = await this.read();
    return all.filter((e) => !app || e.app === app).sort((a, b) => b.startedMs - a.startedMs);
  }

  /** Appends one entry, keeping the newest `KEEP_PER_APP` per app; writes are serialised and atomic. */
  add(entry: DeployHistoryEntry): Promise<void> {
    const next = this.queue.then(async () => {
      const all = [...(await this.read()), entry].sort((a, b) => b.startedMs - a.startedMs);
      const counts = new Map<string, number>();
      const kept = all.filter((e) => {
        const n = (counts.get(e.app) ?? 0) + 1;
        counts.set(e.app, n);
        return n <= KEEP_PER_APP;
      });
      await writeFileAtomic(this.file, JSON.stringify(kept, null, 1));
      this.events?.emit('deploy:finished', entry);
    });
    this.queue = next.catch(() => {});
    return next;
  }

  private async read(): Promise<DeployHistoryEntry[]> {
    try {
      const value: unknown = JSON.parse(await readFile(this.file, 'utf8'));
      return Array.isArray(value) ? (value as DeployHistoryEntry[]) : [];
    } catch {
      return [];
    }
  }
}
