import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { Tabs } from '../../components/Tabs';
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
      <Tabs label="Orchestrator" tabs={TABS} value={tab} onChange={setTab}>
        {tab === 'swarm' ? <SwarmPanel /> : <KubernetesPanel />}
      </Tabs>
    </div>
  );
}
