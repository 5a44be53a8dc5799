import type { ComponentType } from 'react';
import { EngineOverview } from '../features/engine/EngineOverview';

export interface ViewDef {
  id: string;
  label: string;
  /** Single-character glyph shown in the sidebar. */
  icon: string;
  component: ComponentType;
}

/** The sidebar, in order. Each feature adds one entry. */
export const VIEWS: ViewDef[] = [{ id: 'overview', label: 'Overview', icon: '◎', component: EngineOverview }];
