import type { Locator, Page } from '@playwright/test';

export class ComparePage {
  readonly panel: Locator;
  readonly containers: Locator;
  readonly vms: Locator;
  readonly charts: Locator;
  readonly density: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('compare-panel');
    this.containers = page.getByTestId('cmp-containers');
    this.vms = page.getByTestId('cmp-vms');
    this.charts = page.getByTestId('cmp-charts');
    this.density = page.getByTestId('cmp-density');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByRole('link', { name: 'Container vs VM' }).click();
  }

  containerRow(name: string): Locator {
    return this.containers.locator(`[data-testid="cmp-container-row"][data-name="${name}"]`);
  }

  vmRow(name: string): Locator {
    return this.vms.getByTestId('cmp-vm-row').filter({ hasText: name });
  }

  chart(kind: 'memory' | 'disk' | 'start'): Locator {
    return this.page.getByTestId(`cmp-chart-${kind}`);
  }

  async chooseProfile(label: string): Promise<void> {
    await this.page.getByTestId('cmp-profile').selectOption({ label });
  }
}
