import type { ComponentType } from 'react';
import { EngineOverview } from '../features/overview/EngineOverview';
import { ContainersView } from '../features/containers/ContainersView';
// Compare's styles stay in the start-up sheet, in today's order: appended later with a chunk, its tables came out
// wider than the panel at 800 px. Its code (32 KB) loads on first visit like the other views.
import '../features/compare/compare.css';
import { lazyComponent } from '../lib/lazy-component';

// Views other than the landing ones load on first visit: the start-up bundle stays small (B4 first paint).
const ImagesView = lazyComponent(() => import('../features/images/ImagesView').then((m) => m.ImagesView));
const ComparePanel = lazyComponent(() => import('../features/compare/ComparePanel').then((m) => m.ComparePanel));
const VolumesView = lazyComponent(() => import('../features/volumes/VolumesView').then((m) => m.VolumesView));
const NetworksView = lazyComponent(() => import('../features/networks/NetworksView').then((m) => m.NetworksView));
const DiskView = lazyComponent(() => import('../features/disk/DiskView').then((m) => m.DiskView));
const RegistriesView = lazyComponent(() => import('../features/registries/RegistriesView').then((m) => m.RegistriesView));
const DeployView = lazyComponent(() => import('../features/deploy/DeployView').then((m) => m.DeployView));
const ProjectsView = lazyComponent(() => import('../features/projects/ProjectsView').then((m) => m.ProjectsView));
const OrchestratorsView = lazyComponent(() => import('../features/orchestrators/OrchestratorsView').then((m) => m.OrchestratorsView));

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
