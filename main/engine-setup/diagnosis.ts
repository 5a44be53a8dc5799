import type { EngineStatus } from '../../shared/dto';
import type { EngineSetupReport } from '../../shared/api/engine-setup';

/** The first screen's diagnosis as lines for a terminal, so a headless user of `serve` sees it too. */
export function diagnosisLines(status: EngineStatus, report: EngineSetupReport): string[] {
  if (status.state === 'connected') return [`Engine: connected to ${status.endpoint} (${status.source}), version ${status.version}.`];
  const reason = status.state === 'unavailable' && status.reason ? ` — ${status.reason.replace(/\.$/, '')}` : '';
  const lines = [`Engine: not reachable${reason}.`];
  if (status.state === 'unavailable' && status.tried.length) lines.push(`  Looked in: ${status.tried.join(', ')}`);
  if (report.candidates.length) {
    lines.push('  Installed but not running (start one from the page, or run the command yourself):');
    for (const c of report.candidates) lines.push(`  - ${c.name} (${c.found}): ${c.command}${c.startBy === 'admin' ? '   [needs administrator rights]' : ''}`);
  } else {
    lines.push('  No engine is installed. Install one of:');
    for (const hint of report.install) lines.push(`  - ${hint.name}: ${hint.command ?? hint.url}`);
  }
  lines.push('  Porthole keeps looking and connects as soon as an engine answers.');
  return lines;
}
