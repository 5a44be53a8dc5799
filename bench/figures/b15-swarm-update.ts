import { BENCH_ID, BENCH_LABEL } from '../lib/engine';
import { round } from '../lib/stats';
import { WsClient } from '../lib/serve';
import { ratioFigure, type Figure } from '../lib/figure';
import { startServedHost, stopServedHost } from '../../test/support/served-host';
import { buildHttpdImage, startSwarmEngine, type SwarmEngine } from '../../test/support/swarm-engine';

const ROUNDS = 3;
const REPLICAS = 3;

/** Polls the engine's own record until the service's update completed (the criterion Porthole's stream ends on). */
async function untilUpdated(engine: SwarmEngine, service: string): Promise<void> {
  for (;;) {
    const state = await engine.cli('service', 'inspect', '--format', '{{if .UpdateStatus}}{{.UpdateStatus.State}}{{end}}', service);
    if (state === 'completed') return;
    if (/rollback|paused/.test(state)) throw new Error(`${service}: update ${state}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * B15: a rolling update of a 3-replica service through Porthole (swarm:update over the WebSocket, until the
 * engine says it completed) ÷ `docker service update --detach` + waiting for the same completed state, on a
 * second dockerd turned into a single-node Swarm. Both services have the same update policy.
 */
export async function swarmUpdateRatio(): Promise<Figure[]> {
  const engine = await startSwarmEngine(9);
  const labels = { [BENCH_LABEL]: BENCH_ID };
  const images = [`porthole-bench-swarm:a-${BENCH_ID}`, `porthole-bench-swarm:b-${BENCH_ID}`];
  const served = await startServedHost({ DOCKER_HOST: engine.dockerHost }, 'porthole-bench-swarm-');
  try {
    await buildHttpdImage(engine, images[0], 'a', labels);
    await buildHttpdImage(engine, images[1], 'b', labels);
    const create = (name: string) =>
      engine.cli('service', 'create', '--detach', '--name', name, '--replicas', String(REPLICAS), '--update-parallelism', '1', '--update-order', 'start-first', '--update-monitor', '1s', '--update-failure-action', 'rollback', '--label', `${BENCH_LABEL}=${BENCH_ID}`, images[0]);
    await create('b15-porthole');
    await create('b15-cli');
    const client = await WsClient.connect(served);
    const porthole: number[] = [];
    const cli: number[] = [];
    let cliWaitsDefault = NaN;
    try {
      for (let i = 0; i < ROUNDS; i++) {
        const image = images[(i + 1) % 2];
        const t0 = performance.now();
        await client.stream('swarm:update', { service: 'b15-porthole', image });
        porthole.push(performance.now() - t0);
        const t1 = performance.now();
        await engine.cli('service', 'update', '--detach', '--image', image, 'b15-cli');
        await untilUpdated(engine, 'b15-cli');
        cli.push(performance.now() - t1);
      }
      // For the note: what `docker service update` takes when left to wait itself (it adds a stability check).
      const t2 = performance.now();
      await engine.cli('service', 'update', '--image', images[ROUNDS % 2 === 0 ? 1 : 0], 'b15-cli');
      cliWaitsDefault = performance.now() - t2;
    } finally {
      client.close();
    }
    return [
      ratioFigure({
        id: 'B15',
        name: `rolling update of a ${REPLICAS}-replica Swarm service (${ROUNDS} rounds)`,
        porthole,
        cli,
        baselineName: 'docker service update --detach + wait for the completed state',
        note: `docker service update left to wait by itself: ${round(cliWaitsDefault)} ms (it adds a stability check)`,
      }),
    ];
  } finally {
    await stopServedHost(served);
    await engine.stop();
  }
}
