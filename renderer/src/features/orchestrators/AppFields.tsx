import { TextField } from '../../components/TextField';

/** The app an orchestrator runs, as both the Swarm and the Kubernetes forms ask for it. */
export interface AppSpec {
  name: string;
  image: string;
  /** Digits, or empty where the form allows no port. */
  port: string;
  replicas: number;
}

/** Name, image, container port and replicas: the fields the Swarm and Kubernetes forms share. */
export function AppFields({ app, onChange, nameLabel, portRequired }: { app: AppSpec; onChange: (app: AppSpec) => void; nameLabel: string; portRequired?: boolean }) {
  const set = (patch: Partial<AppSpec>) => onChange({ ...app, ...patch });
  return (
    <>
      <TextField label={nameLabel} value={app.name} required onChange={(name) => set({ name })} />
      <TextField label="Image" value={app.image} required onChange={(image) => set({ image })} />
      <TextField label="Container port" numeric="whole" value={app.port} required={portRequired} onChange={(port) => set({ port })} />
      <label>
        Replicas: {app.replicas}
        <input type="range" min={0} max={20} value={app.replicas} onChange={(e) => set({ replicas: Number(e.target.value) })} />
      </label>
    </>
  );
}
