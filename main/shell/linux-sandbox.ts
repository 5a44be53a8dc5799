/**
 * Ubuntu 24.04+ restricts unprivileged user namespaces with AppArmor, so Chromium cannot build its
 * sandbox from them and falls back to the SUID helper `chrome-sandbox` — which inside an AppImage
 * (a nosuid FUSE mount of files not owned by root) can never work, so Electron aborts before any of
 * our code runs. electron-builder 26's AppImage launcher then quietly adds `--no-sandbox`, turning
 * every renderer's OS sandbox off. Porthole does not run like that: it stops and says how to allow
 * the sandbox (an AppArmor profile that grants user namespaces to this AppImage only). The deb
 * installs the equivalent profile itself; `npm start` is covered by the README.
 */
export interface SandboxFacts {
  platform: NodeJS.Platform;
  argv: readonly string[];
  /** Set by the AppImage runtime to the .AppImage file's path. */
  appImage?: string;
  packaged: boolean;
}

export type SandboxVerdict = { ok: true } | { ok: false; title: string; detail: string };

export const APPARMOR_PROFILE_NAME = 'porthole-appimage';

/** The AppArmor profile that lets one AppImage create user namespaces (Ubuntu's documented per-app remedy). */
export function appImageApparmorProfile(appImagePath: string): string {
  const quoted = `"${appImagePath.replace(/(["\\])/g, '\\$1')}"`;
  return [
    'abi <abi/4.0>,',
    'include <tunables/global>',
    '',
    `profile ${APPARMOR_PROFILE_NAME} ${quoted} flags=(unconfined) {`,
    '  userns,',
    `  include if exists <local/${APPARMOR_PROFILE_NAME}>`,
    '}',
    '',
  ].join('\n');
}

/** The shell commands that install it (shown to the user; run with sudo, once per AppImage location). */
export function appImageApparmorCommands(appImagePath: string): string {
  const target = `/etc/apparmor.d/${APPARMOR_PROFILE_NAME}`;
  return [`sudo tee ${target} <<'EOF'`, appImageApparmorProfile(appImagePath).trimEnd(), 'EOF', `sudo apparmor_parser -r ${target}`].join('\n');
}

export function sandboxVerdict(facts: SandboxFacts): SandboxVerdict {
  if (facts.platform !== 'linux' || !facts.argv.includes('--no-sandbox')) return { ok: true };
  // A source checkout (`npm start`, the Playwright rig running as root) may choose to run unsandboxed; a shipped build may not.
  if (!facts.packaged) return { ok: true };
  const where = facts.appImage ?? 'this AppImage';
  return {
    ok: false,
    title: 'Porthole will not run without the Chromium sandbox',
    detail: facts.appImage
      ? `This system (Ubuntu 24.04 or later, or another with restricted user namespaces) refused the sandbox, so the AppImage started with --no-sandbox. Allow the sandbox for ${where} once with:\n\n${appImageApparmorCommands(facts.appImage)}\n\nthen start Porthole again. Or install the .deb, which sets this up itself.`
      : 'Porthole was started with --no-sandbox. Start it without that flag; if it then fails to start, see "Run it" in the README for the AppArmor remedy.',
  };
}
