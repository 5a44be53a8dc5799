import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../lib/atomic-file';
import { join } from 'node:path';
import { z } from 'zod';
import { PortholeError } from '../../shared/errors';
import { profileFile, vmProfile, type ProfileList, type VmProfile, type VmProfileInput } from '../../shared/api/compare';
import { BUILTIN_PROFILES, DEFAULT_PROFILE_ID } from './builtin-profiles';
import { dataDir } from '../lib/data-dir';

const FILE_NAME = 'vm-profiles.json';

const issuesText = (error: z.ZodError): string =>
  error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');

/** Validates a profile a person typed; throws VALIDATION with every problem in words. */
export function parseProfile(input: unknown): VmProfile {
  const parsed = vmProfile.safeParse(input);
  if (!parsed.success) throw new PortholeError('VALIDATION', `This VM profile cannot be saved: ${issuesText(parsed.error)}.`);
  return parsed.data;
}

/**
 * The user's VM profiles in one JSON file (`vm-profiles.json` in the data dir), validated with zod on
 * read and on write. Shipped profiles can be edited (the edit is saved) and reset (the edit is deleted).
 */
export class ProfileStore {
  readonly file: string;

  constructor(dir = dataDir()) {
    this.file = join(dir, FILE_NAME);
  }

  async list(): Promise<ProfileList> {
    const { saved, warning } = await this.readSaved();
    const merged = BUILTIN_PROFILES.map((b) => saved.find((s) => s.id === b.id) ?? b);
    for (const s of saved) if (!BUILTIN_PROFILES.some((b) => b.id === s.id)) merged.push(s);
    return { profiles: merged, defaultId: DEFAULT_PROFILE_ID, file: this.file, ...(warning ? { warning } : {}) };
  }

  async get(id: string | undefined): Promise<VmProfile> {
    const { profiles } = await this.list();
    const wanted = id ?? DEFAULT_PROFILE_ID;
    const found = profiles.find((p) => p.id === wanted);
    if (!found) throw new PortholeError('NOT_FOUND', `There is no VM profile "${wanted}". Known: ${profiles.map((p) => p.id).join(', ')}.`);
    return found;
  }

  async save(input: VmProfileInput): Promise<ProfileList> {
    const profile = parseProfile(input);
    const stored = { ...profile, builtIn: BUILTIN_PROFILES.some((b) => b.id === profile.id) };
    const { saved, warning } = await this.readSaved();
    if (warning) throw new PortholeError('CONFLICT', `${warning} Fix or delete that file before saving, so nothing in it is lost.`);
    const next = saved.filter((p) => p.id !== stored.id);
    next.push(stored);
    await this.write(next);
    return this.list();
  }

  async remove(id: string): Promise<ProfileList> {
    const { saved, warning } = await this.readSaved();
    if (warning) throw new PortholeError('CONFLICT', `${warning} Fix or delete that file first.`);
    if (!saved.some((p) => p.id === id)) {
      if (BUILTIN_PROFILES.some((b) => b.id === id)) return this.list();
      throw new PortholeError('NOT_FOUND', `There is no VM profile "${id}".`);
    }
    await this.write(saved.filter((p) => p.id !== id));
    return this.list();
  }

  private async readSaved(): Promise<{ saved: VmProfile[]; warning?: string }> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { saved: [] };
      return { saved: [], warning: `Could not read ${this.file}: ${(error as Error).message}.` };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { saved: [], warning: `${this.file} is not valid JSON.` };
    }
    const parsed = profileFile.safeParse(json);
    if (!parsed.success) return { saved: [], warning: `${this.file} has invalid profiles: ${issuesText(parsed.error)}.` };
    return { saved: parsed.data.profiles };
  }

  private async write(profiles: VmProfile[]): Promise<void> {
    const content = profileFile.parse({ version: 1, profiles });
    await writeFileAtomic(this.file, `${JSON.stringify(content, null, 2)}\n`);
  }
}
