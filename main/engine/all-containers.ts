import type Dockerode from 'dockerode';
import type { EngineConnection } from './connection';
import * as engine from './gateway';

/** How long an answer may serve later callers when no engine event came since. */
export const SHARE_MS = 1_000;

interface Shared {
  rows: Promise<Dockerode.ContainerInfo[]>;
  docker: Dockerode;
  generation: number;
  settledAt: number | null;
}

/**
 * `GET /containers/json?all=1`, shared: the container list, the image list (its use counts), the volume and
 * network lists all want every container at the same moments (connect, a container born or gone), and on
 * an engine with thousands the engine spends most of a second on each. A caller joins a request in flight
 * or takes an answer under a second old, unless any engine event or status change came after that request
 * began: then it asks the engine again.
 */
export class AllContainers {
  private shared: Shared | null = null;
  private generation = 0;

  constructor(private readonly connection: Pick<EngineConnection, 'client' | 'on'>) {
    const invalidate = () => {
      this.generation++;
      this.shared = null;
    };
    connection.on('event', invalidate);
    connection.on('status', invalidate);
  }

  /**
   * `fresh` for a decision that must see the engine as it is now (refusing a removal because of a container
   * removed a moment ago, whose event is still on its way, would be wrong); the answer is shared after.
   */
  list(options: { fresh?: boolean } = {}): Promise<Dockerode.ContainerInfo[]> {
    const docker = this.connection.client();
    const s = this.shared;
    const reusable = !options.fresh && s !== null && s.docker === docker && s.generation === this.generation && (s.settledAt === null || Date.now() - s.settledAt <= SHARE_MS);
    if (reusable) return s.rows;
    const entry: Shared = { rows: engine.listContainers(docker, { all: true }), docker, generation: this.generation, settledAt: null };
    this.shared = entry;
    entry.rows.then(
      () => {
        entry.settledAt = Date.now();
      },
      () => {
        if (this.shared === entry) this.shared = null;
      },
    );
    return entry.rows;
  }
}
