import type { PlanFinding, RequiredEnv } from '../../../shared/api/deploy';
import type { AppFolder } from '../folder';
import { isExactVersion, rubyMinor, RUBY_DEFAULT } from '../versions';
import { firstLine, toolVersion } from '../folder';
import { DEFAULT } from '../types';

/** Gemfile.lock's gem versions by name (the top-level specs). */
export function lockedGems(lock: string): Map<string, string> {
  return new Map([...lock.matchAll(/^ {4}([A-Za-z0-9_.-]+) \(([^)]+)\)/gm)].map((m) => [m[1], m[2]]));
}

/** Pins (.ruby-version, Gemfile.lock's RUBY VERSION, .tool-versions) win over the Gemfile's `ruby` line, which may be a range. */
export async function rubyVersion(folder: AppFolder, gemfile: string, lock: string): Promise<{ version: string; source: string; finding: PlanFinding | null }> {
  const gemfileLine = /^\s*ruby\s+((?:['"][^'"]+['"]\s*,?\s*)+)/m.exec(gemfile)?.[1]?.replace(/['"]/g, '').trim() ?? null;
  const candidates: [string | null, string][] = [
    [firstLine(await folder.text('.ruby-version')), '.ruby-version'],
    [/RUBY VERSION\s+ruby\s+(\S+)/.exec(lock)?.[1] ?? null, 'Gemfile.lock:RUBY VERSION'],
    [toolVersion(await folder.text('.tool-versions'), 'ruby'), '.tool-versions:ruby'],
    [gemfileLine, 'Gemfile:ruby'],
  ];
  const usable = candidates.filter((c): c is [string, string] => c[0] !== null && rubyMinor(c[0]) !== null);
  const chosen = usable.find(([spec]) => isExactVersion(spec)) ?? usable[0];
  if (!chosen) return { version: RUBY_DEFAULT, source: DEFAULT, finding: null };
  const [spec, source] = chosen;
  const version = rubyMinor(spec)!;
  const range = gemfileLine && !isExactVersion(gemfileLine) ? gemfileLine : null;
  let finding: PlanFinding | null = null;
  if (range && source !== 'Gemfile:ruby') finding = { rule: 'version', text: `The Gemfile allows Ruby "${range}", and ${source} pins ${spec}: Ruby ${version} (the pin wins over the range).`, source, snippet: spec };
  else if (range) finding = { rule: 'version', text: `The Gemfile's ruby line is a range ("${range}") and nothing pins an exact version: Ruby ${version}, the newest it allows.`, source, snippet: range };
  return { version, source, finding };
}

/** rackup left Rack in version 3: a `rackup` command needs the rackup gem; puma serves config.ru by itself. */
export function fixRackup(start: string[] | null, startSource: string, gems: Map<string, string>, port: number): { start: string[] | null; finding: PlanFinding | null } {
  if (!start?.includes('rackup')) return { start, finding: null };
  const rack = gems.get('rack');
  if (!rack || !/^3\./.test(rack) || gems.has('rackup')) return { start, finding: null };
  if (gems.has('puma')) {
    const puma = ['bundle', 'exec', 'puma', '-b', 'tcp://0.0.0.0', '-p', String(port), 'config.ru'];
    return { start: puma, finding: { rule: 'command', text: `The command runs rackup, but Gemfile.lock has rack ${rack} and no rackup gem (Rack 3 moved it out), so rackup is not in the image; the plan runs \`${puma.join(' ')}\` instead.`, source: startSource, snippet: start.join(' ') } };
  }
  return { start, finding: { rule: 'command', text: `The command runs rackup, but Gemfile.lock has rack ${rack} and neither a rackup nor a puma gem: add \`gem "rackup"\` (or puma) to the Gemfile.`, source: startSource, snippet: start.join(' '), warning: true } };
}

/** What Rails refuses to boot without in production, and what its build needs. */
export async function railsConventions(folder: AppFolder, dotenv: Set<string>): Promise<{ required: RequiredEnv[]; env: string[]; finding: PlanFinding }> {
  // A master key in the folder unlocks credentials.yml.enc, which then holds secret_key_base.
  const hasMasterKey = await folder.isFile('config/master.key');
  const required: RequiredEnv[] = hasMasterKey ? [] : [{ name: 'SECRET_KEY_BASE', source: 'Rails in production (config/application.rb)', providedBy: dotenv.has('SECRET_KEY_BASE') ? '.env' : null }];
  return {
    required,
    env: ['DATABASE_URL', 'RAILS_MASTER_KEY'],
    finding: {
      rule: 'framework',
      text: 'Rails runs with RAILS_ENV=production: assets are precompiled at build (with SECRET_KEY_BASE_DUMMY=1, so no secret enters the image), it will not boot without SECRET_KEY_BASE (or RAILS_MASTER_KEY for encrypted credentials), and it reads DATABASE_URL for its database.',
      source: 'config/application.rb (Rails convention)',
    },
  };
}
