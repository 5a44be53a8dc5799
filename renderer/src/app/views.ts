import type { ComponentType } from 'react';
import { EngineOverview } from '../features/overview/EngineOverview';
import { ImagesView } from '../features/images/ImagesView';
import { ContainersView } from '../features/containers/ContainersView';
import { ComparePanel } from '../features/compare/ComparePanel';
import { VolumesView } from '../features/volumes/VolumesView';
import { NetworksView } from '../features/networks/NetworksView';
import { DiskView } from '../features/disk/DiskView';
import { RegistriesView } from '../features/registries/RegistriesView';
import { DeployView } from '../features/deploy/DeployView';
import { ProjectsView } from '../features/projects/ProjectsView';
import { OrchestratorsView } from '../features/orchestrators/OrchestratorsView';

export interface ViewDef {
  id: string;
  label: string;
  /** Single-character glyph shown in the sidebar. */
  icon: string;
  component: ComponentType;
}

/** The sidebar, in order. Each feature adds one entry. */
export const VIEWS: ViewDef[] = [
  { id: 'overview', label: 'Overview', icon: '◎', component: EngineOverview },
  { id: 'containers', label: 'Containers', icon: '▣', component: ContainersView },
  // Images comes right after Containers.
  { id: 'images', label: 'Images', icon: '▦', component: ImagesView },
  { id: 'projects', label: 'Projects', icon: '▤', component: ProjectsView },
  { id: 'deploy', label: 'Deploy', icon: '⇪', component: DeployView },
  { id: 'orchestrators', label: 'Swarm & Kubernetes', icon: '⎈', component: OrchestratorsView },
  { id: 'compare', label: 'Container vs VM', icon: '⚖', component: ComparePanel },
  { id: 'volumes', label: 'Volumes', icon: '⛁', component: VolumesView },
  { id: 'networks', label: 'Networks', icon: '⇄', component: NetworksView },
  { id: 'disk', label: 'Disk', icon: '◔', component: DiskView },
  { id: 'registries', label: 'Registries', icon: '⇩', component: RegistriesView },
];
