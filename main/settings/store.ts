import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { runInput, type RunInput } from '../../shared/api/containers';

const notificationSettings = z.object({
  containerExit: z.boolean(),
  deploy: z.boolean(),
  engine: z.boolean(),
});
export type NotificationKind = keyof z.infer<typeof notificationSettings>;

const rememberedRun = z.object({ input: runInput, usedAtMs: z.number() });

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
    const { name: _name, ...rest } = parsed;
    const entries = Object.entries({ ...this.current.lastRun, [parsed.image]: { input: rest, usedAtMs: nowMs } })
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
    return parsed.success ? parsed.data : DEFAULT_SETTINGS;
  }

  private save(next: Settings): Settings {
    this.current = settingsSchema.parse(next);
    mkdirSync(this.dir, { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.current, null, 2), { mode: 0o600 });
    renameSync(tmp, this.path);
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
