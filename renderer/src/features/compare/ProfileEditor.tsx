import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { ErrorBox } from '../../components/ErrorBox';
import type { ProfileFigure, ProfileSource, VmProfile, VmProfileInput } from '../../../../shared/api/compare';
import { BYTE_UNITS, bestBinaryUnit, bytesIn, type ByteUnit } from '../../../../shared/compare-units';
import type { ApiError } from '../../../../shared/errors';

const UNITS: ByteUnit[] = ['MiB', 'GiB', 'MB', 'GB', 'TiB'];

interface SizeField {
  value: string;
  unit: ByteUnit;
}

const sizeField = (bytes: number | null, fallback: ByteUnit): SizeField => {
  if (bytes === null) return { value: '', unit: fallback };
  const unit = bestBinaryUnit(bytes) === 'GiB' && bytes % BYTE_UNITS.GiB !== 0 && bytes % BYTE_UNITS.GB === 0 ? 'GB' : bestBinaryUnit(bytes);
  const safe = UNITS.includes(unit) ? unit : 'MiB';
  return { value: String(Number(bytesIn(bytes, safe).toFixed(3))), unit: safe };
};

const toBytes = (f: SizeField): number => Math.round(Number(f.value) * BYTE_UNITS[f.unit]);

function SizeInput({ id, label, field, onChange, hint }: { id: string; label: string; field: SizeField; onChange: (f: SizeField) => void; hint?: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="cmp-size-input">
        <input id={id} className="input" inputMode="decimal" value={field.value} onChange={(e) => onChange({ ...field, value: e.target.value })} />
        <select className="input" aria-label={`${label} unit`} value={field.unit} onChange={(e) => onChange({ ...field, unit: e.target.value as ByteUnit })}>
          {UNITS.map((u) => (
            <option key={u}>{u}</option>
          ))}
        </select>
      </div>
      {hint && <span className="muted small">{hint}</span>}
    </div>
  );
}

/** Sources of figures the user changed are replaced by the user's own note; unchanged figures keep theirs. */
function mergeSources(original: VmProfile | null, next: Omit<VmProfileInput, 'sources'>, note: string): ProfileSource[] {
  const text = note.trim() || 'Set by you in Porthole.';
  const changed: Record<ProfileFigure, boolean> = {
    memory: original?.guestMemoryBytes !== next.guestMemoryBytes,
    overhead: (original?.overheadBytes ?? 0) !== (next.overheadBytes ?? 0),
    vcpus: original?.vcpus !== next.vcpus,
    disk: original?.osDiskBytes !== next.osDiskBytes,
    boot: original?.bootMs !== next.bootMs,
  };
  const kept = (original?.sources ?? []).filter((s) => !changed[s.figure]);
  const mine = (Object.keys(changed) as ProfileFigure[]).filter((f) => changed[f]).map((figure) => ({ figure, text, certainty: 'user' as const }));
  return [...kept, ...mine];
}

export function ProfileEditor({ profile, onSave, onClose }: { profile: VmProfile | null; onSave: (p: VmProfileInput) => Promise<ApiError | null>; onClose: () => void }) {
  const [id, setId] = useState(profile?.id ?? '');
  const [name, setName] = useState(profile?.name ?? '');
  const [memory, setMemory] = useState(sizeField(profile?.guestMemoryBytes ?? null, 'GiB'));
  const [overhead, setOverhead] = useState(sizeField(profile?.overheadBytes ?? 0, 'MiB'));
  const [vcpus, setVcpus] = useState(String(profile?.vcpus ?? 1));
  const [disk, setDisk] = useState(sizeField(profile?.osDiskBytes ?? null, 'GiB'));
  const [diskKnown, setDiskKnown] = useState(profile ? profile.osDiskBytes !== null : true);
  const [bootSeconds, setBootSeconds] = useState(profile?.bootMs != null ? String(profile.bootMs / 1000) : '');
  const [bootKnown, setBootKnown] = useState(profile ? profile.bootMs !== null : false);
  const [bootNote, setBootNote] = useState(profile?.bootNote ?? '');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setProblem(null);
    setError(null);
    const figures = {
      id: id.trim(),
      name,
      guestMemoryBytes: toBytes(memory),
      overheadBytes: overhead.value === '' ? 0 : toBytes(overhead),
      vcpus: Number(vcpus),
      osDiskBytes: diskKnown ? toBytes(disk) : null,
      bootMs: bootKnown ? Math.round(Number(bootSeconds) * 1000) : null,
      bootNote: bootNote.trim() || undefined,
      diskNote: diskKnown ? undefined : profile?.diskNote ?? 'not published',
      builtIn: profile?.builtIn ?? false,
    };
    const candidate: VmProfileInput = { ...figures, sources: mergeSources(profile, figures, note) };
    // The schema (and zod) load only when someone edits a profile, keeping them out of the start-up bundle.
    const { vmProfile } = await import('../../../../shared/api/compare');
    const parsed = vmProfile.safeParse(candidate);
    if (!parsed.success) {
      setProblem(parsed.error.issues.map((i) => i.message).join('; '));
      return;
    }
    setSaving(true);
    const failure = await onSave(parsed.data);
    setSaving(false);
    if (failure) setError(failure);
    else onClose();
  };

  return (
    <Dialog
      title={profile ? `Edit “${profile.name}”` : 'New VM profile'}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" disabled={saving} onClick={() => void save()} data-testid="cmp-profile-save">
            Save profile
          </button>
        </>
      }
    >
      <div className="cmp-form">
        <div className="field">
          <label htmlFor="cmp-p-name">Name</label>
          <input id="cmp-p-name" className="input" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. My lab VM" />
        </div>
        <div className="field">
          <label htmlFor="cmp-p-id">Id</label>
          <input id="cmp-p-id" className="input" value={id} disabled={!!profile} onChange={(e) => setId(e.target.value)} placeholder="e.g. my-lab-vm" />
        </div>
        <SizeInput id="cmp-p-mem" label="Guest memory (the guest OS’s RAM)" field={memory} onChange={setMemory} />
        <SizeInput id="cmp-p-ovh" label="Host overhead per VM (hypervisor process)" field={overhead} onChange={setOverhead} />
        <div className="field">
          <label htmlFor="cmp-p-cpu">vCPUs reserved</label>
          <input id="cmp-p-cpu" className="input" inputMode="numeric" value={vcpus} onChange={(e) => setVcpus(e.target.value)} />
        </div>
        <div className="field">
          <label>
            <input type="checkbox" checked={diskKnown} onChange={(e) => setDiskKnown(e.target.checked)} /> OS disk size is known
          </label>
          {diskKnown && <SizeInput id="cmp-p-disk" label="OS disk image size" field={disk} onChange={setDisk} />}
        </div>
        <div className="field">
          <label>
            <input type="checkbox" checked={bootKnown} onChange={(e) => setBootKnown(e.target.checked)} /> Boot time is known
          </label>
          {bootKnown && (
            <>
              <label htmlFor="cmp-p-boot">Boot time (seconds)</label>
              <input id="cmp-p-boot" className="input" inputMode="decimal" value={bootSeconds} onChange={(e) => setBootSeconds(e.target.value)} />
            </>
          )}
          <label htmlFor="cmp-p-bootnote">{bootKnown ? 'Note on the boot time (optional)' : 'What to show instead of a boot time'}</label>
          <input id="cmp-p-bootnote" className="input" value={bootNote} onChange={(e) => setBootNote(e.target.value)} placeholder="e.g. not published — measure it" />
        </div>
        <div className="field cmp-form-wide">
          <label htmlFor="cmp-p-source">Where the figures you changed come from</label>
          <input id="cmp-p-source" className="input" value={note} onChange={(e) => setNote(e.target.value)} placeholder="e.g. measured on my laptop with virt-manager, 2025-05" />
        </div>
      </div>
      {problem && (
        <div className="error-box" role="alert" data-testid="cmp-profile-problem">
          <strong>This profile cannot be saved</strong>
          <p>{problem}</p>
        </div>
      )}
      {error && <ErrorBox error={error} />}
    </Dialog>
  );
}
