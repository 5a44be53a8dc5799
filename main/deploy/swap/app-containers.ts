import type Dockerode from 'dockerode';
import type { EngineConnection } from '../../engine/connection';
import * as engine from '../../engine/gateway';
import { ContainerService } from '../../containers/container-service';

export const APP_LABEL = 'porthole.app';

/** The names a swap gives the containers it juggles; the next deploy recognises them by these. */
export const swapNames = (app: string, deployId: string) => ({
  trial: `${app}-next-${deployId}`,
  previous: `${app}-previous-${deployId}`,
});

const isSwapLeftover = (app: string, name: string) => name.startsWith(`${app}-next-`) || name.startsWith(`${app}-previous-`);

/** The small set of container operations a deploy uses, behind one seam (ContainerService + the engine gateway). */
export class AppContainers {
  private readonly containers: ContainerService;

  constructor(private readonly connection: EngineConnection) {
    this.containers = new ContainerService(connection);
  }

  private get docker(): Dockerode {
    return this.connection.client();
  }

  /** Every container deployed as `app`, with its bare name. */
  async all(app: string): Promise<(Dockerode.ContainerInfo & { name: string })[]> {
    const found = await engine.listContainers(this.docker, { all: true, filters: { label: [`${APP_LABEL}=${app}`] } });
    return found.map((c) => ({ ...c, name: (c.Names[0] ?? '').replace(/^\//, '') }));
  }

  async current(app: string): Promise<(Dockerode.ContainerInfo & { name: string }) | null> {
    return (await this.all(app)).find((c) => c.name === app) ?? null;
  }

  async leftovers(app: string): Promise<(Dockerode.ContainerInfo & { name: string })[]> {
    return (await this.all(app)).filter((c) => isSwapLeftover(app, c.name));
  }

  inspect(id: string): Promise<Dockerode.ContainerInspectInfo> {
    return engine.inspectContainer(this.docker.getContainer(id));
  }

  /** Whether a container of that name exists at all (deployed by Porthole or not). */
  async nameTaken(name: string): Promise<boolean> {
    return engine.inspectContainer(this.docker.getContainer(name)).then(
      () => true,
      () => false,
    );
  }

  rename(id: string, name: string): Promise<void> {
    return this.containers.rename(id, name);
  }

  stop(id: string): Promise<void> {
    return this.containers.stop(id, 10);
  }

  async start(id: string): Promise<void> {
    const [outcome] = await this.containers.act([id], 'start');
    if (outcome && !outcome.ok) throw new Error(outcome.error?.message ?? `could not start ${id}`);
  }

  async remove(id: string): Promise<void> {
    await this.containers.remove([id], true);
  }

  async removeImage(id: string): Promise<void> {
    await this.docker
      .getImage(id)
      .remove()
      .catch(() => {});
  }
}
