import type { AppFolder } from '../folder';
import { goMinor, GO_DEFAULT } from '../versions';
import { scanPort } from '../port-scan';
import { DEFAULT, type Detection } from '../types';
import type { PlanFinding } from '../../../shared/api/deploy';

export async function detectGo(folder: AppFolder): Promise<Detection | null> {
  const gomod = await folder.text('go.mod');
  if (gomod === null) return null;
  const directive = /^go\s+(\S+)/m.exec(gomod)?.[1];
  // The toolchain line pins the exact Go the module was built with; `go` is only the minimum it needs.
  const toolchain = /^toolchain\s+go(\S+)/m.exec(gomod)?.[1];
  const version = (toolchain && goMinor(toolchain)) ?? (directive && goMinor(directive)) ?? GO_DEFAULT;
  const versionFinding: PlanFinding | null = toolchain && directive ? { rule: 'version', text: `go.mod needs at least Go ${directive} and pins toolchain go${toolchain}: Go ${version} (the toolchain wins).`, source: 'go.mod:toolchain', snippet: `toolchain go${toolchain}` } : null;
  const module = /^module\s+(\S+)/m.exec(gomod)?.[1] ?? 'app';
  const goFiles = await folder.sourceFiles(['.go'], 60, 3);
  let target = '.';
  let targetSource = 'go.mod';
  if (!goFiles.some((f) => !f.includes('/'))) {
    const cmd = goFiles.find((f) => /^cmd\/[^/]+\/main\.go$/.test(f));
    if (cmd) {
      target = `./${cmd.replace(/\/main\.go$/, '')}`;
      targetSource = cmd;
    }
  }
  const scanned = await scanPort(folder, goFiles.filter((f) => !f.endsWith('_test.go')));
  const binary = (module.split('/').pop() ?? 'app').replace(/[^A-Za-z0-9_.-]/g, '') || 'app';
  return {
    runtime: 'go',
    version,
    packageManager: 'go modules',
    install: 'go mod download',
    build: `CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/${binary} ${target}`,
    start: [`/app/${binary}`],
    port: scanned?.port ?? 8080,
    portConfidence: scanned?.confidence ?? 'low',
    readsPortEnv: scanned?.readsPortEnv ?? false,
    manifests: ['go.mod', ...(folder.has('go.sum') ? ['go.sum'] : [])],
    target: binary,
    sources: {
      runtime: 'go.mod',
      version: toolchain ? 'go.mod:toolchain' : directive ? 'go.mod:go' : DEFAULT,
      packageManager: 'go.mod',
      install: 'go.mod',
      build: targetSource,
      start: targetSource,
      port: scanned?.source ?? DEFAULT,
    },
    notes: [],
    findings: versionFinding ? [versionFinding] : [],
    snippets: { port: scanned?.snippet },
  };
}
