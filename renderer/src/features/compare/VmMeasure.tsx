import { useState } from 'react';
import { ErrorBox } from '../../components/ErrorBox';
import type { CompareModel } from '../../../../shared/api/compare';
import type { VmSetup } from '../../../../shared/api/vm';
import { ThreeWays } from './ThreeWays';
import { useVmMeasure, type PhaseEvent } from './use-vm-measure';

function Setup({ setup, onCheck }: { setup: VmSetup; onCheck: (kernelPath?: string) => void }) {
  const [kernel, setKernel] = useState(setup.kernel ?? '');
  return (
    <div className="cmp-setup" data-testid="cmp-vm-setup">
      <p>To measure a VM on this machine Porthole needs:</p>
      <ul>
        {setup.problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      <p className="muted small">Install with your system’s package manager (nothing is downloaded by Porthole):</p>
      <ul className="small">
        {setup.install.map((i) => (
          <li key={i.os}>
            {i.os}: <code>{i.command}</code>
          </li>
        ))}
      </ul>
      <form
        className="cmp-profile-bar"
        onSubmit={(e) => {
          e.preventDefault();
          onCheck(kernel.trim() || undefined);
        }}
      >
        <label htmlFor="cmp-kernel" className="muted small">
          Kernel image (vmlinuz)
        </label>
        <input id="cmp-kernel" className="input mono" value={kernel} onChange={(e) => setKernel(e.target.value)} placeholder="/boot/vmlinuz-…" />
        <button type="submit" className="btn">
          Check again
        </button>
      </form>
    </div>
  );
}

function Progress({ phases, running }: { phases: PhaseEvent[]; running: boolean }) {
  if (!phases.length && !running) return null;
  return (
    <ol className="cmp-phases small" data-testid="cmp-vm-phases" aria-live="polite">
      {phases.map((p, i) => (
        <li key={i}>
          <span className="muted">{(p.elapsedMs / 1000).toFixed(1)} s</span> {p.message}
        </li>
      ))}
      {running && <li className="muted">…</li>}
    </ol>
  );
}

/**
 * "Measure as a VM" for one running container (or each in turn): the container and the same workload
 * as a local QEMU VM, measured in one run, beside the chosen cloud profile.
 */
export function VmMeasure({ model }: { model: CompareModel }) {
  const { setup, results, phases, running, error, measure, cancel, checkSetup } = useVmMeasure();
  const [chosen, setChosen] = useState<string | null>(null);
  const [kernelPath, setKernelPath] = useState<string | undefined>(undefined);
  const candidate = model.containers.find((c) => c.id === chosen) ?? model.containers.find((c) => c.readyPort !== null) ?? model.containers[0];
  const result = candidate ? results.find((r) => r.imageId === candidate.imageId) : results[0];
  const check = (path?: string) => {
    setKernelPath(path);
    void checkSetup(path);
  };

  return (
    <section className="panel" data-testid="cmp-vm-measure" aria-labelledby="cmp-vm-title">
      <h2 id="cmp-vm-title">One workload, three ways</h2>
      <p className="muted small">
        Porthole boots the container’s own files as a small VM (QEMU, a Linux kernel, an init that runs the image’s command with its env), waits
        until the workload answers, and measures both sides on this machine. It takes from a few seconds (hardware acceleration) to a minute
        (emulation).
      </p>
      {setup && !setup.ready && <Setup setup={setup} onCheck={check} />}
      <div className="cmp-profile-bar">
        <label htmlFor="cmp-vm-container" className="muted small">
          Container
        </label>
        <select id="cmp-vm-container" className="input" value={candidate?.id ?? ''} onChange={(e) => setChosen(e.target.value)} disabled={running !== null}>
          {model.containers.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.image})
            </option>
          ))}
        </select>
        {running === null ? (
          <button type="button" className="btn primary" disabled={!candidate || !setup?.ready} onClick={() => candidate && measure(candidate.id, kernelPath)}>
            {result ? 'Measure again as a VM' : 'Measure as a VM'}
          </button>
        ) : (
          <button type="button" className="btn" onClick={cancel}>
            Cancel
          </button>
        )}
        {setup?.ready && (
          <span className="muted small" data-testid="cmp-vm-accel">
            {setup.preferred === 'tcg' ? 'No hardware acceleration here: TCG emulation, slower than a real VM.' : `${setup.preferred.toUpperCase()} acceleration (TCG if it does not boot).`}
          </span>
        )}
      </div>
      <Progress phases={phases} running={running !== null} />
      {error && <ErrorBox error={error} />}
      {error?.message.includes('\n') && <pre className="cmp-console small">{error.message.slice(error.message.indexOf('\n') + 1)}</pre>}
      {result ? (
        <ThreeWays m={result} model={model} live={model.containers.find((c) => c.imageId === result.imageId) ?? null} />
      ) : (
        <p className="muted small">Not measured yet for this image.</p>
      )}
    </section>
  );
}
