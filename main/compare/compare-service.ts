import type { CompareModel, ProfileList, VmProfileInput } from '../../shared/api/compare';
import type { EngineConnection } from '../engine/connection';
import { buildModel } from './model';
import { ProfileStore } from './profile-store';
import { CompareSampler } from './sampler';
import { StartTracker, firstPublishedTcpPort } from './start-tracker';
import { sleep } from '../lib/sleep';
import * as engine from '../engine/gateway';


/** The Container vs VM panel's back end: measured containers, the same workloads as VMs, and the profiles. */
export class CompareService {
  readonly profiles: ProfileStore;
  readonly tracker: StartTracker;
  private readonly sampler: CompareSampler;
  private watchers = 0;

  constructor(connection: EngineConnection, store = new ProfileStore()) {
    this.profiles = store;
    this.tracker = new StartTracker(connection, async (id) => {
      const raw = await engine.inspectContainer(connection.client().getContainer(id));
      return firstPublishedTcpPort(raw.NetworkSettings?.Ports);
    });
    this.sampler = new CompareSampler(connection, this.tracker);
  }

  /** One model now (for the CLI and tests). */
  async snapshot(profileId?: string, signal?: AbortSignal): Promise<CompareModel> {
    const [profile, sample] = await Promise.all([this.profiles.get(profileId), this.sampler.sample(signal)]);
    return buildModel({ ...sample, profile });
  }

  /**
   * Samples every `intervalMs` while subscribed, and not at all otherwise: the loop ends when the
   * subscription's signal aborts. The profile is read each time, so an edit shows on the next sample.
   */
  async watch(params: { profileId?: string; intervalMs: number }, emit: (model: CompareModel) => void, signal: AbortSignal): Promise<void> {
    this.watchers++;
    try {
      while (!signal.aborted) {
        const started = Date.now();
        const model = await this.snapshot(params.profileId, signal);
        if (signal.aborted) break;
        emit(model);
        await sleep(Math.max(250, params.intervalMs - (Date.now() - started)), signal);
      }
    } catch (error) {
      if (!signal.aborted) throw error;
    } finally {
      this.watchers--;
    }
  }

  /** How many `compare:watch` loops are running now (tests check that closing the panel stops them). */
  get activeWatchers(): number {
    return this.watchers;
  }

  listProfiles(): Promise<ProfileList> {
    return this.profiles.list();
  }

  saveProfile(profile: VmProfileInput): Promise<ProfileList> {
    return this.profiles.save(profile);
  }

  deleteProfile(id: string): Promise<ProfileList> {
    return this.profiles.remove(id);
  }

  dispose(): void {
    this.tracker.dispose();
  }
}
