import type { ReactNode } from 'react';
import './kit.css';

/** A view's title, one line saying what it is for, and its actions (which wrap under the title when narrow). */
export function PageHeader({ title, subtitle, children }: { title: ReactNode; subtitle?: ReactNode; children?: ReactNode }) {
  return (
    <header className="page-header-row">
      <div className="page-header">
        <h1>{title}</h1>
        {subtitle && <p className="muted">{subtitle}</p>}
      </div>
      {children && <div className="page-actions">{children}</div>}
    </header>
  );
}
