import type { EngineScope } from './use-engine-scope';

/** "This engine / All engines": the one switch between the usual list and the side-by-side one. */
export function EngineScopeToggle({ scope, onChange }: { scope: EngineScope; onChange: (scope: EngineScope) => void }) {
  return (
    <div className="segmented engine-scope" role="group" aria-label="Engines shown">
      <button type="button" aria-pressed={scope === 'this'} className={scope === 'this' ? 'active' : ''} onClick={() => onChange('this')}>
        This engine
      </button>
      <button type="button" aria-pressed={scope === 'all'} className={scope === 'all' ? 'active' : ''} onClick={() => onChange('all')}>
        All engines
      </button>
    </div>
  );
}
