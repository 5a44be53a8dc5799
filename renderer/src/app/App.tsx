import { useStore } from '../store';
import { VIEWS } from './views';
import { EngineBadge } from '../features/engine/EngineBadge';
import { Toasts } from '../components/Toasts';
import { TasksIndicator } from '../features/images/TasksIndicator';

export function App() {
  const view = useStore((s) => s.view);
  const navigate = useStore((s) => s.navigate);
  const current = VIEWS.find((v) => v.id === view) ?? VIEWS[0];
  const Current = current.component;
  return (
    <div className="app">
      <nav className="sidebar" aria-label="Sections">
        <div className="brand">
          <span className="brand-mark" aria-hidden>
            ◉
          </span>
          Porthole
        </div>
        <ul>
          {VIEWS.map((v) => (
            <li key={v.id}>
              <button
                type="button"
                className={v.id === current.id ? 'nav-item active' : 'nav-item'}
                aria-current={v.id === current.id ? 'page' : undefined}
                onClick={() => navigate(v.id)}
              >
                <span className="nav-icon" aria-hidden>
                  {v.icon}
                </span>
                {v.label}
              </button>
            </li>
          ))}
        </ul>
        <TasksIndicator />
        <EngineBadge />
      </nav>
      <main className="content" aria-label={current.label}>
        <Current />
      </main>
      <Toasts />
    </div>
  );
}
