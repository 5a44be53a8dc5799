import { readFileSync } from 'node:fs';
import { writeFileAtomicSync } from '../lib/atomic-file';
import { join } from 'node:path';
import { z } from 'zod';
import { runInput, type RunInput } from '../../shared/api/containers';

const notificationSettings = z.object({
  containerExit: z.boolean(),
  deploy: z.boolean(),
  engine: z.boolean(),
});
export type NotificationKind = keyof z.infer<typeof notificationSettings>;

const rememberedRun = z.object({
  input: runInput,
  usedAtMs: z.number(),
  /** Names of the env variables the run had; their values (often passwords) are never written to this plain file. */
  envNames: z.array(z.string().max(1024)).max(512).optional(),
});

export const settingsSchema = z.object({
  /** Start with only the tray icon; the window is created the first time it is asked for. */
  startInTray: z.boolean(),
  /** Closing the window keeps Porthole running in the tray. */
  keepRunningInTray: z.boolean(),
  notifications: notificationSettings,
  /** The last `containers:run` input per image reference, for the tray's "run again". */
  lastRun: z.record(z.string().max(512), rememberedRun),
});
export type Settings = z.infer<typeof settingsSchema>;
export type SettingsToggle = 'startInTray' | 'keepRunningInTray' | `notifications.${NotificationKind}`;

export const DEFAULT_SETTINGS: Settings = {
  startInTray: false,
  keepRunningInTray: true,
  notifications: { containerExit: true, deploy: true, engine: true },
  lastRun: {},
};

const MAX_REMEMBERED_RUNS = 50;
const FILE_NAME = 'settings.json';


/**
 * Settings as one small JSON file. A missing or unreadable file gives the defaults (a broken file is
 * not fatal: the tray must still come up); every write replaces the file atomically.
 */
export class SettingsStore {
  private current: Settings;
  private readonly listeners = new Set<(settings: Settings) => void>();

  constructor(private readonly dir: string) {
    this.current = this.load();
  }

  get path(): string {
    return join(this.dir, FILE_NAME);
  }

  get(): Settings {
    return this.current;
  }

  onChange(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  toggle(key: SettingsToggle): Settings {
    if (key === 'startInTray' || key === 'keepRunningInTray') return this.save({ ...this.current, [key]: !this.current[key] });
    const kind = key.slice('notifications.'.length) as NotificationKind;
    return this.save({ ...this.current, notifications: { ...this.current.notifications, [kind]: !this.current.notifications[kind] } });
  }

  /** Remembers a run so the tray can repeat it; the name is dropped (a second container cannot reuse it). */
  rememberRun(input: RunInput, nowMs = Date.now()): void {
    const parsed = runInput.parse(input);
    const { name: _name, env, ...rest } = parsed;
    const envNames = env.map((entry) => entry.slice(0, entry.indexOf('=')));
    const entries = Object.entries({ ...this.current.lastRun, [parsed.image]: { input: { ...rest, env: [] }, usedAtMs: nowMs, envNames } })
      .sort(([, a], [, b]) => b.usedAtMs - a.usedAtMs)
      .slice(0, MAX_REMEMBERED_RUNS);
    this.save({ ...this.current, lastRun: Object.fromEntries(entries) });
  }

  lastRunFor(image: string): RunInput | undefined {
    return this.current.lastRun[image]?.input;
  }

  private load(): Settings {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.path, 'utf8'));
    } catch {
      return DEFAULT_SETTINGS;
    }
    const merged = mergeDefaults(raw);
    const parsed = settingsSchema.safeParse(merged);
    if (!parsed.success) return DEFAULT_SETTINGS;
    // A file from an older version may hold env values: forget them and rewrite the file without them.
    const leaked = Object.values(parsed.data.lastRun).some((r) => r.input.env.length > 0);
    if (!leaked) return parsed.data;
    const lastRun = Object.fromEntries(
      Object.entries(parsed.data.lastRun).map(([image, r]) => [image, { ...r, input: { ...r.input, env: [] }, envNames: r.input.env.map((e) => e.slice(0, e.indexOf('='))) }]),
    );
    const cleaned = { ...parsed.data, lastRun };
    try {
      writeFileAtomicSync(this.path, JSON.stringify(cleaned, null, 2), { mode: 0o600 });
    } catch {
      // read-only data dir: the values stay on disk but are not used
    }
    return cleaned;
  }

  private save(next: Settings): Settings {
    this.current = settingsSchema.parse(next);
    writeFileAtomicSync(this.path, JSON.stringify(this.current, null, 2), { mode: 0o600 });
    for (const listener of this.listeners) listener(this.current);
    return this.current;
  }
}

/** Fills keys a file from an older version lacks, so adding a setting never resets the others. */
function mergeDefaults(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  const r = raw as Partial<Settings>;
  return {
    ...DEFAULT_SETTINGS,
    ...r,
    notifications: { ...DEFAULT_SETTINGS.notifications, ...(r.notifications ?? {}) },
    lastRun: r.lastRun ?? {},
  };
}
