import { useId, useMemo } from 'react';
import { useLiveList } from '../../store/use-live-list';
import { networksList } from '../../store/lists';
import { TextField, type TextFieldProps } from '../../components/TextField';
import type { AdvancedErrors, AdvancedForm } from './run-advanced';

/** The networks a container can join at creation (the engine's `host`/`none` included, as `--network` takes them). */
function useNetworkNames(): string[] {
  const { data } = useLiveList(networksList);
  return useMemo(() => data.map((n) => n.name).sort(), [data]);
}

/** The advanced fields share a wrapping row, each taking what room there is. */
const GrowField = (props: Omit<TextFieldProps, 'className'>) => <TextField {...props} className="grow" />;

/** `docker run` options reached for less often, folded away so the dialog stays short. */
export function RunAdvanced({ form, errors, onChange }: { form: AdvancedForm; errors: AdvancedErrors; onChange: (patch: Partial<AdvancedForm>) => void }) {
  const networks = useNetworkNames();
  const ids = { network: useId(), labels: useId() };
  const hasError = Object.keys(errors).length > 0;
  return (
    <details className="run-advanced" open={hasError || undefined} data-testid="run-advanced">
      <summary>Advanced: bind address, network, limits, user, labels, --rm</summary>
      <div className="form-stack">
        <div className="field-pair wrap">
          <GrowField
            label="Bind ports to (host IP)"
            value={form.hostIp}
            error={errors.hostIp}
            hint="127.0.0.1: this computer only. 0.0.0.0: every network this machine is on."
            onChange={(hostIp) => onChange({ hostIp })}
          />
          <div className="field grow">
            <label htmlFor={ids.network}>Network</label>
            <select id={ids.network} className="input" value={form.network} onChange={(e) => onChange({ network: e.target.value })}>
              <option value="">default (bridge)</option>
              {networks
                .filter((n) => n !== 'bridge')
                .map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
            </select>
          </div>
        </div>
        <div className="field-pair wrap">
          <GrowField label="CPUs" value={form.cpus} error={errors.cpus} placeholder="no limit, e.g. 0.5" onChange={(cpus) => onChange({ cpus })} />
          <GrowField label="Memory limit" value={form.memory} error={errors.memory} placeholder="no limit, e.g. 512m" onChange={(memory) => onChange({ memory })} />
        </div>
        <div className="field-pair wrap">
          <GrowField label="User" value={form.user} error={errors.user} placeholder="the image’s, e.g. 1000:1000" onChange={(user) => onChange({ user })} />
          <GrowField label="Working directory" value={form.workingDir} error={errors.workingDir} placeholder="the image’s, e.g. /app" onChange={(workingDir) => onChange({ workingDir })} />
        </div>
        <div className="field">
          <label htmlFor={ids.labels}>Labels</label>
          <textarea id={ids.labels} className="input mono" rows={2} value={form.labels} placeholder="key=value, one per line" spellCheck={false} aria-invalid={Boolean(errors.labels)} onChange={(e) => onChange({ labels: e.target.value })} />
          {errors.labels && <div className="field-error">{errors.labels}</div>}
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={form.autoRemove} onChange={(e) => onChange({ autoRemove: e.target.checked })} />
          <span>
            Remove the container when it exits (<code>--rm</code>)
            {errors.autoRemove && <span className="field-error"> {errors.autoRemove}</span>}
          </span>
        </label>
      </div>
    </details>
  );
}
