import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * `React.lazy` for a named export: the module becomes a chunk of its own, fetched and parsed the first time
 * the component renders rather than at start-up. `load` is `() => import('./X').then((m) => m.X)`.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): LazyExoticComponent<ComponentType<P>> {
  return lazy(() => load().then((component) => ({ default: component })));
}
