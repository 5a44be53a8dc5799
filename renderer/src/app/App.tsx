import { Suspense } from 'react';
import { useStore } from '../store';
import { VIEWS } from './views';
import { EngineBadge } from '../features/overview/EngineBadge';
import { EngineSwitcher } from '../features/engines/EngineSwitcher';
import { Toasts } from '../components/Toasts';
import { TasksIndicator } from '../features/tasks/TasksIndicator';
import { HostAccessNotice } from '../features/overview/HostAccessNotice';
import './layout.css';

/** The skip link moves focus past the sidebar to the view itself. */
const skipToContent = (e: React.MouseEvent) => {
  e.preventDefault();
  document.getElementById('content')?.focus();
};

export function App() {
  const view = useStore((s) => s.view);
  const navigate = useStore((s) => s.navigate);
  const current = VIEWS.find((v) => v.id === view) ?? VIEWS[0];
  const Current = current.component;
  return (
    <div className="app">
      <a className="skip-link" href={`#/${current.id}`} onClick={skipToContent}>
        Skip to content
      </a>
      <nav className="sidebar" aria-label="Sections">
        <div className="brand">
          <span className="brand-mark" aria-hidden>
            ◉
          </span>
          <span className="brand-name">Porthole</span>
        </div>
        <ul>
          {VIEWS.map((v) => (
            <li key={v.id}>
              <a
                href={`#/${v.id}`}
                data-view={v.id}
                className={v.id === current.id ? 'nav-item active' : 'nav-item'}
                aria-current={v.id === current.id ? 'page' : undefined}
                title={v.label}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(v.id);
                }}
              >
                <span className="nav-icon" aria-hidden>
                  {v.icon}
                </span>
                <span className="nav-label">{v.label}</span>
              </a>
            </li>
          ))}
        </ul>
        <TasksIndicator />
        <EngineSwitcher />
        <EngineBadge />
      </nav>
      <main id="content" className="content" aria-label={current.label} data-view={current.id} tabIndex={-1}>
        <HostAccessNotice />
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <Current />
        </Suspense>
      </main>
      <Toasts />
    </div>
  );
}
