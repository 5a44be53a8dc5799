import { createContainers, engineContainerCount, rawList, removeContainers } from '../lib/engine';
import type { Served } from '../lib/serve';
import { WsClient } from '../lib/serve';
import { median, round } from '../lib/stats';
import type { Figure } from '../lib/figure';

const REPS = 15;

/** B1: `containers:list` through the browser host's WebSocket ÷ raw GET /containers/json?all=1, at 0 / 200 / 1,000 extra containers. */
export async function listLatency(served: Served): Promise<{ figures: Figure[]; ids: string[] }> {
  const client = await WsClient.connect(served);
  const figures: Figure[] = [];
  let ids: string[] = [];
  for (const target of [0, 200, 1000]) {
    if (ids.length < target) ids = ids.concat(await createContainers(target - ids.length, 'b1'));
    const total = await engineContainerCount();
    const viaApi: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < REPS + 2; i++) {
      // Alternate which goes first so neither always gets a warm engine cache.
      const order = i % 2 === 0 ? ['api', 'raw'] : ['raw', 'api'];
      for (const which of order) {
        const t0 = performance.now();
        if (which === 'api') {
          const r = await client.invoke('containers:list', { all: true });
          if (!r.ok) throw new Error(`containers:list failed: ${JSON.stringify(r.error)}`);
        } else {
          await rawList();
        }
        if (i >= 2) (which === 'api' ? viaApi : raw).push(performance.now() - t0);
      }
    }
    const api = median(viaApi);
    const base = median(raw);
    figures.push({
      id: `B1@${target}`,
      name: `list latency, ${target} bench containers (${total} on the engine)`,
      value: round(api),
      unit: 'ms',
      baseline: round(base),
      baselineName: 'raw GET /containers/json?all=1',
      ratio: round(api / base),
      goal: target === 1000 ? '≤ 1.25×' : 'report',
      met: target === 1000 ? api / base <= 1.25 : undefined,
    });
  }
  client.close();
  return { figures, ids };
}

export { removeContainers };
