import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { SwarmPanel } from './SwarmPanel';
import { KubernetesPanel } from './KubernetesPanel';
import './orchestrators.css';

const TABS = [
  { id: 'swarm', label: 'Swarm' },
  { id: 'kubernetes', label: 'Kubernetes' },
] as const;

/** Beyond one machine: the app handed to an orchestrator that exists, never one of Porthole's own. */
export function OrchestratorsView() {
  const [tab, setTab] = useState<(typeof TABS)[number]['id']>('swarm');
  return (
    <div className="stack">
      <PageHeader
        title="Swarm & Kubernetes"
        subtitle="Replicas, rolling updates and more than one machine: Swarm is built into the engine and simplest to start; Kubernetes is what most clusters run."
      />
      <div className="tabs" role="tablist" aria-label="Orchestrator">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" id={`orch-tab-${t.id}`} aria-selected={tab === t.id} aria-controls={`orch-panel-${t.id}`} className={tab === t.id ? 'tab active' : 'tab'} onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`orch-panel-${tab}`} aria-labelledby={`orch-tab-${tab}`}>
        {tab === 'swarm' ? <SwarmPanel /> : <KubernetesPanel />}
      </div>
    </div>
  );
}
