import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vmProfile } from '../../shared/api/compare';
import { BYTE_UNITS, GIB, MIB, TIB, formatDecimal, formatDuration, parseSize } from '../../shared/compare-units';
import { BUILTIN_PROFILES } from '../../main/compare/builtin-profiles';
import { ProfileStore, parseProfile } from '../../main/compare/profile-store';
import { dataDir } from '../../main/lib/data-dir';
import { PortholeError } from '../../shared/errors';

const good = { id: 'my-vm', name: 'My VM', guestMemoryBytes: 2 * GIB, vcpus: 2, osDiskBytes: 10 * GIB, bootMs: 20_000 };

const refusal = (input: unknown): string => {
  try {
    parseProfile(input);
  } catch (error) {
    expect(error).toBeInstanceOf(PortholeError);
    expect((error as PortholeError).code).toBe('VALIDATION');
    return (error as Error).message;
  }
  throw new Error('the profile was accepted');
};

describe('units', () => {
  it('keeps decimal and binary units apart', () => {
    expect(parseSize('1 GiB')).toBe(GIB);
    expect(parseSize('1GB')).toBe(1e9);
    expect(parseSize('512 mib')).toBe(512 * MIB);
    expect(parseSize('1.5 GB')).toBe(1.5e9);
    expect(parseSize('4096')).toBe(4096);
    expect(parseSize('10 TB')).toBe(10 * BYTE_UNITS.TB);
    expect(parseSize('ten GB')).toBeNull();
    expect(parseSize('-1 GB')).toBeNull();
  });

  it('formats for people', () => {
    expect(formatDuration(125)).toBe('125 ms');
    expect(formatDuration(1500)).toBe('1.50 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
    expect(formatDecimal(30e9)).toBe('30.0 GB');
    expect(formatDecimal(1_982_256)).toBe('2.0 MB');
  });
});

describe('VM profile validation', () => {
  it('accepts a sensible profile and every shipped one', () => {
    expect(parseProfile(good).overheadBytes).toBe(0);
    for (const p of BUILTIN_PROFILES) expect(vmProfile.safeParse(p).success).toBe(true);
  });

  it('refuses negative and absurd numbers with a clear message', () => {
    expect(refusal({ ...good, guestMemoryBytes: parseSize('10 TB') })).toMatch(/guest memory must be at most 4 TiB/);
    expect(refusal({ ...good, guestMemoryBytes: -1 })).toMatch(/guest memory must be at least 16 MiB/);
    expect(refusal({ ...good, vcpus: 0 })).toMatch(/at least 1 vCPU/);
    expect(refusal({ ...good, vcpus: 1.5 })).toMatch(/whole number/);
    expect(refusal({ ...good, bootMs: 365 * 24 * 3_600_000 })).toMatch(/boot time must be at most 1 hour/);
    expect(refusal({ ...good, bootMs: -5 })).toMatch(/boot time must be more than 0/);
    expect(refusal({ ...good, osDiskBytes: 100 * TIB })).toMatch(/at most 64 TiB/);
    expect(refusal({ ...good, overheadBytes: -1 })).toMatch(/cannot be negative/);
    expect(refusal({ ...good, id: 'Bad Id' })).toMatch(/lowercase/);
    expect(refusal({ ...good, guestMemoryBytes: '1 GiB' })).toMatch(/number of bytes/);
  });

  it('keeps "not published" as null, never a number', () => {
    const b1s = BUILTIN_PROFILES.find((p) => p.id === 'azure-b1s')!;
    expect(b1s.bootMs).toBeNull();
    expect(b1s.bootNote).toBe('not published — tens of seconds to minutes, provider dependent');
    for (const p of BUILTIN_PROFILES) for (const figure of ['memory', 'vcpus', 'disk', 'boot'] as const) expect(p.sources.some((s) => s.figure === figure)).toBe(true);
  });
});

describe('profile store', () => {
  it('saves between runs, validates on read, edits and resets shipped profiles', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'porthole-profiles-'));
    const store = new ProfileStore(dir);
    expect((await store.list()).profiles.map((p) => p.id)).toEqual(BUILTIN_PROFILES.map((p) => p.id));

    await store.save(good);
    const again = new ProfileStore(dir);
    expect((await again.get('my-vm')).vcpus).toBe(2);

    await again.save({ ...BUILTIN_PROFILES[0], vcpus: 2 });
    expect((await again.get('azure-b1s')).vcpus).toBe(2);
    await again.remove('azure-b1s');
    expect((await again.get('azure-b1s')).vcpus).toBe(1);

    await expect(again.save({ ...good, vcpus: 0 })).rejects.toThrow(/at least 1 vCPU/);
    const saved = JSON.parse(await readFile(join(dir, 'vm-profiles.json'), 'utf8'));
    expect(saved.profiles.map((p: { id: string }) => p.id)).toEqual(['my-vm']);

    await writeFile(join(dir, 'vm-profiles.json'), JSON.stringify({ version: 1, profiles: [{ ...good, vcpus: -3 }] }));
    const broken = await new ProfileStore(dir).list();
    expect(broken.warning).toMatch(/invalid profiles.*vCPU/);
    expect(broken.profiles).toHaveLength(BUILTIN_PROFILES.length);
    await expect(new ProfileStore(dir).save(good)).rejects.toThrow(/Fix or delete/);
    await expect(new ProfileStore(dir).get('nope')).rejects.toThrow(/no VM profile "nope"/);
  });

  it('finds its data dir from PORTHOLE_DATA_DIR, else per OS', () => {
    expect(dataDir({ PORTHOLE_DATA_DIR: '/x' })).toBe('/x');
    expect(dataDir({}, 'linux', '/home/u')).toBe('/home/u/.config/Porthole');
    expect(dataDir({ XDG_CONFIG_HOME: '/c' }, 'linux', '/home/u')).toBe('/c/Porthole');
    expect(dataDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/Porthole');
    expect(dataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toContain('Porthole');
  });
});
