import type { Locator } from '@playwright/test';
import { SectionPage } from './page-part';

/** The Containers view as a user sees it (DOM contract: /work/shared dom-contract). */
export class ContainersPage extends SectionPage {
  protected readonly section = 'Containers';
  readonly search = this.page.getByLabel('Search containers');
  readonly rows = this.page.getByTestId('container-row');
  readonly detail = this.page.getByTestId('container-detail');
  readonly logLines = this.page.getByTestId('log-line');
  readonly logSearch = this.page.getByLabel('Search logs');
  readonly logMatchCount = this.page.getByTestId('log-match-count');
  readonly toasts = this.page.getByRole('status');

  /** Narrows the list to `text`, so a row is rendered even when other suites' containers fill the engine. */
  async filter(text: string): Promise<void> {
    await this.search.fill(text);
  }

  row(name: string): Locator {
    return this.page.locator(`[data-testid="container-row"][data-name="${name}"]`);
  }

  action(name: string, label: 'Start' | 'Stop' | 'Restart' | 'Pause' | 'Unpause' | 'Kill' | 'Remove'): Locator {
    return this.page.getByRole('button', { name: `${label} ${name}`, exact: true });
  }

  async openDetail(name: string): Promise<void> {
    await this.row(name).getByRole('button', { name, exact: true }).click();
  }

  tab(name: 'Logs' | 'Inspect' | 'Stats'): Locator {
    return this.page.getByRole('tab', { name });
  }

  get removeDialog(): Locator {
    return this.page.getByRole('dialog');
  }
}
