import type { Locator, Page } from '@playwright/test';

/** The Containers view as a user sees it (DOM contract: /work/shared dom-contract). */
export class ContainersPage {
  readonly search: Locator;
  readonly rows: Locator;
  readonly detail: Locator;
  readonly logLines: Locator;
  readonly logSearch: Locator;
  readonly logMatchCount: Locator;
  readonly toasts: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByLabel('Search containers');
    this.rows = page.getByTestId('container-row');
    this.detail = page.getByTestId('container-detail');
    this.logLines = page.getByTestId('log-line');
    this.logSearch = page.getByLabel('Search logs');
    this.logMatchCount = page.getByTestId('log-match-count');
    this.toasts = page.getByRole('status');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByRole('navigation').getByRole('link', { name: 'Containers', exact: true }).click();
  }

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
