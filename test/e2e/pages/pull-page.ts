import type { Locator, Page } from '@playwright/test';

/** The "Pull an image" dialog, opened from the Images view's header. */
export class PullPage {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Pull an image' });
  }
  get imageField(): Locator {
    return this.dialog.getByLabel('Image', { exact: true });
  }
  get progress(): Locator {
    return this.dialog.getByTestId('pull-progress');
  }
  get layers(): Locator {
    return this.dialog.getByTestId('layer-row');
  }
  get done(): Locator {
    return this.dialog.getByTestId('pull-done');
  }
  get error(): Locator {
    return this.dialog.getByRole('alert');
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Pull image' }).first().click();
    await this.dialog.waitFor();
  }

  async pull(reference: string): Promise<void> {
    await this.imageField.fill(reference);
    await this.dialog.getByRole('button', { name: 'Pull', exact: true }).click();
  }
}
