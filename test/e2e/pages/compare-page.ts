import type { Locator } from '@playwright/test';
import { SectionPage } from './page-part';

export class ComparePage extends SectionPage {
  protected readonly section = 'Container vs VM';
  readonly panel = this.page.getByTestId('compare-panel');
  /** The panel's parts carry test ids `cmp-<part>`. */
  private readonly part = (name: string) => this.page.getByTestId(`cmp-${name}`);
  readonly containers = this.part('containers');
  readonly vms = this.part('vms');
  readonly charts = this.part('charts');
  readonly density = this.part('density');

  containerRow(name: string): Locator {
    return this.containers.locator(`[data-testid="cmp-container-row"][data-name="${name}"]`);
  }

  vmRow(name: string): Locator {
    return this.vms.getByTestId('cmp-vm-row').filter({ hasText: name });
  }

  chart(kind: 'memory' | 'disk' | 'start'): Locator {
    return this.part(`chart-${kind}`);
  }

  async chooseProfile(label: string): Promise<void> {
    await this.part('profile').selectOption({ label });
  }
}
