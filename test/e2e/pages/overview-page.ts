import type { Page, Locator } from '@playwright/test';

export class OverviewPage {
  readonly engineVersion: Locator;
  readonly running: Locator;
  readonly stopped: Locator;
  readonly paused: Locator;
  readonly images: Locator;

  constructor(readonly page: Page) {
    this.engineVersion = page.getByTestId('engine-version');
    this.running = page.getByTestId('count-running');
    this.stopped = page.getByTestId('count-stopped');
    this.paused = page.getByTestId('count-paused');
    this.images = page.getByTestId('count-images');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByRole('link', { name: 'Overview' }).click();
  }
}
