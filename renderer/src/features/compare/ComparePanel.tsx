import { useMemo, useState } from 'react';
import { ErrorBox } from '../../components/ErrorBox';
import { PageHeader } from '../../components/PageHeader';
import type { CompareModel, VmProfile, VmProfileInput } from '../../../../shared/api/compare';
import { formatBinary } from '../../../../shared/compare-units';
import { BarChart } from './BarChart';
import { diskRows, memoryRows, startRows } from './chart-data';
import { MeasuredTable } from './MeasuredTable';
import { VmTable } from './VmTable';
import { VmMeasure } from './VmMeasure';
import { NothingRunning } from './SampleAction';
import { ProfileEditor } from './ProfileEditor';
import { useCompareWatch, useProfiles } from './use-compare';
import './compare.css';

function Density({ model }: { model: CompareModel }) {
  const d = model.density;
  const h = model.host;
  const average = model.containers.length ? model.containers.reduce((s, c) => s + c.memoryBytes, 0) / model.containers.length : 0;
  return (
    <section className="panel" data-testid="cmp-density">
      <h2>How many fit on this host</h2>
      <div className="stat-grid">
        <div className="stat" title="floor(host memory ÷ average container memory). Containers reserve no CPU: they share it.">
          <div className="stat-value" data-testid="cmp-density-containers">
            {d.containers === null ? '—' : d.containers.toLocaleString()}
          </div>
          <div className="stat-label">at most, by memory alone ({formatBinary(average)} each, the average of these)</div>
        </div>
        <div className="stat" title={`By memory: ${d.vmsByMemory}; by vCPUs without overcommit: ${d.vmsByCpu}. The smaller wins.`}>
          <div className="stat-value" data-testid="cmp-density-vms">
            {d.vms.toLocaleString()}
          </div>
          <div className="stat-label">such VMs ({d.vmsBound === 'cpu' ? 'CPU-bound: vCPUs run out first' : 'memory-bound'})</div>
        </div>
        <div className="stat" title="The engine’s /info: MemTotal and NCPU. On macOS and Windows this is Docker’s own VM, not the computer.">
          <div className="stat-value">
            {formatBinary(h.memoryBytes)} · {h.cpus} CPUs
          </div>
          <div className="stat-label">this engine’s host</div>
        </div>
      </div>
      <p className="cmp-density-bounds" data-testid="cmp-density-bounds">
        The container figure is an upper bound set by <strong>the memory these workloads use now, and nothing else</strong>. Not counted, and
        any of them can stop you sooner: process IDs (the kernel’s <code>pid_max</code> and <code>threads-max</code>, shared by every
        container’s processes), open files, host ports (each published port takes one for good), the engine’s own cost per container
        (a <code>containerd-shim</code> process, its network namespace and log files), disk, and memory the workloads grow into under
        load. Read it as “memory does not stop you first”, not as a count to plan with.
      </p>
      <p className="muted small">{d.rule}</p>
    </section>
  );
}

function Explanation({ model }: { model: CompareModel }) {
  return (
    <section className="panel cmp-explain">
      <h2>Why the numbers differ</h2>
      <p>
        A <strong>virtual machine</strong> is a whole computer in software: its own operating system, kernel, memory, CPUs and disk — like an Azure
        Virtual Machine. Each of the {model.vm.count} VMs above boots its own guest OS and keeps it in memory, even when the app inside does little.
      </p>
      <p>
        A <strong>container</strong> is a lightweight Linux process that shares the host’s kernel — more like having Excel open than like buying another
        computer. It carries only the app and its files; containers of the same image even share those on disk.
      </p>
      <p className="muted">
        The trade: VMs isolate more strongly (a separate kernel each); containers pack far more onto one host. Figures marked as profile figures come
        from the sources shown in their tooltips; container figures are measured live from this engine.
      </p>
    </section>
  );
}

export function ComparePanel() {
  const { list, error: profileError, save, remove } = useProfiles();
  const [chosen, setChosen] = useState<string | null>(null);
  const [editing, setEditing] = useState<VmProfile | 'new' | null>(null);
  const profileId = chosen ?? list?.defaultId ?? null;
  const { model, error } = useCompareWatch(profileId);
  const profile = list?.profiles.find((p) => p.id === profileId) ?? null;

  const saveAndChoose = async (p: VmProfileInput) => {
    const failure = await save(p);
    if (!failure) setChosen(p.id);
    return failure;
  };
  const charts = useMemo(() => (model && model.containers.length ? { memory: memoryRows(model), disk: diskRows(model), start: startRows(model) } : null), [model]);

  return (
    <div className="stack" data-testid="compare-panel">
      <PageHeader title="Container vs VM" subtitle="What the running containers really cost, beside the same workloads as virtual machines. Updates every 2 s while open.">
        <div className="cmp-profile-bar">
          <label htmlFor="cmp-profile" className="muted small">
            VM profile
          </label>
          <select id="cmp-profile" className="input" value={profileId ?? ''} onChange={(e) => setChosen(e.target.value)} data-testid="cmp-profile">
            {list?.profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <button type="button" className="btn" disabled={!profile} onClick={() => setEditing(profile)}>
            Edit
          </button>
          <button type="button" className="btn" onClick={() => setEditing('new')}>
            New
          </button>
          {profile && (!profile.builtIn || profile.sources.some((s) => s.certainty === 'user')) && (
            <button type="button" className="btn" onClick={() => void remove(profile.id).then(() => !profile.builtIn && setChosen(null))}>
              {profile.builtIn ? 'Reset' : 'Delete'}
            </button>
          )}
        </div>
      </PageHeader>
      {list?.warning && <div className="error-box">{list.warning}</div>}
      {profileError && <ErrorBox error={profileError} />}
      {error && <ErrorBox error={error} />}
      {!model && !error && <p className="muted">Measuring the running containers…</p>}
      {model && model.containers.length === 0 && <NothingRunning />}
      {model && charts && (
        <>
          <VmMeasure model={model} />
          <section className="cmp-sides">
            <div className="panel">
              <h2>Containers, measured</h2>
              <MeasuredTable model={model} />
            </div>
            <div className="panel">
              <h2>The same workloads as VMs</h2>
              <p className="muted small" data-testid="cmp-profile-name">
                Each container as its own VM: {model.vm.profile.name}. Hover a figure for its source.
              </p>
              <VmTable model={model} />
              {model.vm.profile.bootMs === null && (
                <p className="muted small" title={model.vm.profile.sources.filter((x) => x.figure === 'boot').map((x) => x.text).join(' ')}>
                  Boot time: {model.vm.profile.bootNote ?? 'not published'}.
                </p>
              )}
            </div>
          </section>
          <section className="panel" data-testid="cmp-charts">
            <h2>Side by side</h2>
            <p className="muted small">One bar per side on the same scale; each colour is one container. Pale parts are the base each one needs: a guest OS per VM; an image on disk, stored once and shared by its containers.</p>
            <BarChart title="Memory" rows={charts.memory} testId="cmp-chart-memory" />
            <BarChart title="Disk" rows={charts.disk} testId="cmp-chart-disk" />
            <BarChart title="Start time" rows={charts.start} testId="cmp-chart-start" />
            <p className="muted small">† started before Porthole was watching: measured from inspect (Created → StartedAt) instead of live events.</p>
          </section>
          <Density model={model} />
          <Explanation model={model} />
        </>
      )}
      {editing && <ProfileEditor profile={editing === 'new' ? null : editing} onSave={saveAndChoose} onClose={() => setEditing(null)} />}
    </div>
  );
}
